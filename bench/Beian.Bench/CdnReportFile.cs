using System.Globalization;
using System.Text;
using Beian.Core.Reporting;
using Npgsql;

namespace Beian.Bench;

/// <summary>A filed host of the dataset as a CDN reports it: the host, the site's name, its holder and its county.</summary>
public sealed record FiledHost(string Host, string SiteName, string HolderName, string UnitCode);

/// <summary>Filed hosts drawn from the dataset, and how many it has in all.</summary>
public sealed record FiledHostSample(IReadOnlyList<FiledHost> Hosts, long HostsInDataset);

/// <summary>
/// A CDN report (<see cref="ReportTemplates.Cdn"/>, the template's columns in its order, UTF-8 CSV as Excel saves
/// it) of filed hosts drawn uniformly from the dataset's <c>PublicWebsiteDomains</c> and a share of fresh
/// unfiled domains, in random order. A CDN row carries one domain, so its rows are the domains matched; an IP段
/// row's domains go through the same matching after its range is stored.
/// </summary>
public static class CdnReportFile
{
    /// <summary>
    /// <paramref name="count"/> distinct filed hosts, each host of the dataset as likely as any other: one pass
    /// over every host with reservoir sampling (Algorithm R), seeded, so the same dataset and seed give the same sample, in random order.
    /// </summary>
    public static async Task<FiledHostSample> SampleAsync(string connectionString, int count, int seed, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT d."Host", p."Name", p."HolderName", p."UnitCode"
            FROM "PublicWebsiteDomains" AS d JOIN "PublicWebsites" AS p ON p."WebsiteId" = d."WebsiteId"
            """, connection) { CommandTimeout = 0 };
        var random = new Random(seed);
        var sample = new List<FiledHost>(count);
        long seen = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            seen++;
            var slot = sample.Count < count ? sample.Count : random.NextInt64(seen);
            if (slot >= count) continue;
            var host = new FiledHost(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            if (slot == sample.Count) sample.Add(host);
            else sample[(int)slot] = host;
        }
        if (sample.Count < count)
            throw new InvalidOperationException($"The dataset has {seen:N0} filed hosts, fewer than the {count:N0} the report asks for: generate more sites or ask fewer rows.");
        // In scan order the first slots favour the first rows scanned: shuffled, any part of the sample is uniform too.
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sample));
        return new FiledHostSample(sample, seen);
    }

    /// <summary>
    /// Writes the report: every sampled host and <paramref name="unfiled"/> domains no site of the dataset has (their
    /// first label starts with "nf", which no generated label does), named by <paramref name="tag"/> so that each
    /// file's are new to the platform, shuffled together.
    /// </summary>
    public static async Task WriteAsync(string path, IReadOnlyList<FiledHost> filed, int unfiled, string tag, int seed, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var rows = new List<string>(filed.Count + unfiled);
        var nodes = Enumerable.Range(0, 64).Select(_ => PublicIp(random)).ToArray();
        foreach (var host in filed) rows.Add(Row(random, nodes, host.Host, host.SiteName, host.HolderName, host.UnitCode));
        for (var i = 0; i < unfiled; i++)
        {
            // Unfiled sites are found where filed ones are: a county of a sampled host.
            var county = filed.Count > 0 ? filed[random.Next(filed.Count)].UnitCode : "330106";
            rows.Add(Row(random, nodes, $"nf{tag}x{i.ToString(CultureInfo.InvariantCulture)}.cn", "", "", county));
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', ReportTemplates.Cdn.Names));
        foreach (var row in rows) await writer.WriteLineAsync(row.AsMemory(), cancellationToken);
    }

    /// <summary>加速域名, CDN节点IP (two of the CDN's nodes), 源站IP, 网站名称, 公安备案号 (left empty), 客户名称, 客户证件号码 (empty), 所在地区, 服务开始日期.</summary>
    private static string Row(Random random, string[] nodes, string domain, string siteName, string customer, string region)
    {
        var started = new DateOnly(2023, 1, 1).AddDays(random.Next(3 * 365));
        return string.Join(',', domain, $"{nodes[random.Next(nodes.Length)]};{nodes[random.Next(nodes.Length)]}", PublicIp(random), Clean(siteName), "",
            Clean(customer), "", region, started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Clean(string text) => text.Replace(',', '，').Replace('"', '“');

    /// <summary>An address in blocks allocated to Chinese networks (all public, none reserved).</summary>
    private static string PublicIp(Random random)
    {
        int[] firsts = [58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 180, 182, 183, 211, 218, 220, 221, 222];
        return string.Create(CultureInfo.InvariantCulture, $"{firsts[random.Next(firsts.Length)]}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");
    }
}
