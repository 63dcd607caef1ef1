using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Beian.Web.Features.Police.Exports;

/// <summary>A worksheet part once written: its name, width in columns and data rows.</summary>
internal sealed record WrittenSheet(string Name, int Columns, long Rows);

/// <summary>The style indexes the worksheets use (cellXfs of <see cref="XlsxPackage"/>'s stylesheet).</summary>
internal static class XlsxStyles
{
    public static readonly uint? None = null;
    public const uint Header = 1;
    public const uint DateTime = 2;
    public const uint Date = 3;
    public const uint OneDecimal = 4;
}

/// <summary>
/// The parts of an .xlsx around its worksheets, written once the worksheets are: content types,
/// relationships, the workbook (its sheets and each sheet's filter range) and the stylesheet. The
/// System.IO.Packaging route of the SDK would keep every part in memory until the package closes;
/// a zip written front to back keeps none.
/// </summary>
internal static class XlsxPackage
{
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string SpreadsheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    public static void WriteParts(ZipArchive zip, IReadOnlyList<WrittenSheet> sheets)
    {
        WriteXml(zip, "[Content_Types].xml", xml => WriteContentTypes(xml, sheets.Count));
        WriteXml(zip, "_rels/.rels", xml => WriteRelationships(xml, [("rId1", OfficeRelationships + "/officeDocument", "xl/workbook.xml")]));
        WriteXml(zip, "xl/_rels/workbook.xml.rels", xml => WriteRelationships(xml,
            sheets.Select((_, i) => ($"rId{i + 1}", OfficeRelationships + "/worksheet", $"worksheets/sheet{i + 1}.xml"))
                .Append(($"rId{sheets.Count + 1}", OfficeRelationships + "/styles", "styles.xml")).ToList()));
        WriteXml(zip, "xl/workbook.xml", xml => Workbook(sheets).WriteTo(xml));
        WriteXml(zip, "xl/styles.xml", xml => Stylesheet().WriteTo(xml));
    }

    private static Workbook Workbook(IReadOnlyList<WrittenSheet> sheets)
    {
        var workbook = new Workbook(new Sheets(sheets.Select((s, i) =>
            new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = $"rId{i + 1}" })));
        workbook.AddNamespaceDeclaration("r", OfficeRelationships);
        // Excel keeps a filter's range in this hidden name beside the sheet's autoFilter.
        workbook.Append(new DefinedNames(sheets.Select((s, i) => new DefinedName($"'{s.Name.Replace("'", "''")}'!$A$1:${ColumnName(s.Columns)}${s.Rows + 1}")
        {
            Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
        })));
        return workbook;
    }

    /// <summary>0 plain, 1 the header (bold on light blue), 2 a Beijing time, 3 a date, 4 one decimal.</summary>
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0" }) { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EEF9" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static void WriteContentTypes(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Types", ContentTypes);
        WriteDefault(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        WriteDefault(xml, "xml", "application/xml");
        WriteOverride(xml, "/xl/workbook.xml", SpreadsheetMl + ".sheet.main+xml");
        WriteOverride(xml, "/xl/styles.xml", SpreadsheetMl + ".styles+xml");
        for (var i = 1; i <= sheetCount; i++) WriteOverride(xml, $"/xl/worksheets/sheet{i}.xml", SpreadsheetMl + ".worksheet+xml");
        xml.WriteEndElement();
    }

    private static void WriteDefault(XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ContentTypes);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void WriteOverride(XmlWriter xml, string part, string contentType)
    {
        xml.WriteStartElement("Override", ContentTypes);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void WriteRelationships(XmlWriter xml, IReadOnlyList<(string Id, string Type, string Target)> relationships)
    {
        xml.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", PackageRelationships);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteXml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    /// <summary>The letters of the n-th column (1-based): A, B, … Z, AA, AB …</summary>
    public static string ColumnName(int column)
    {
        var letters = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
