using System.Text;

namespace Beian.Core.PublicQuery;

/// <summary>
/// 网站名称 as the public query matches it: a substring of the name, Chinese included, from one
/// character up. A trigram index cannot serve one- or two-character Chinese queries, so each name
/// is indexed by its character unigrams and bigrams; a query needs its unigram (one character) or
/// all its bigrams, and the few names that hold them all are rechecked for the whole substring.
/// Characters are Unicode code points, so a character outside the BMP (𠮷) is one character.
/// </summary>
public static class NameGrams
{
    /// <summary>The longest query accepted: a site name has at most 50 characters.</summary>
    public const int MaxQueryLength = 50;

    /// <summary>Lower-case, full-width to half-width (NFKC), every white space removed: what is stored and compared.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var halfWidth = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var key = new StringBuilder(halfWidth.Length);
        foreach (var rune in halfWidth.EnumerateRunes())
            if (!Rune.IsWhiteSpace(rune)) key.Append(rune.ToString());
        return key.ToString();
    }

    /// <summary>
    /// Where a normalised query is in a name as shown, to mark it in the results: the start and
    /// length (UTF-16) of the shortest piece of <paramref name="name"/> whose normalised form holds
    /// <paramref name="normalizedKey"/> (“ＡＢ 商城” for “ab商”), or null when there is none.
    /// </summary>
    public static (int Start, int Length)? Locate(string name, string normalizedKey)
    {
        if (normalizedKey.Length == 0) return null;
        var normalized = new StringBuilder(name.Length);
        var origins = new List<int>(name.Length); // for each normalised char, where in the name its character starts
        var at = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            foreach (var c in Normalize(rune.ToString()))
            {
                normalized.Append(c);
                origins.Add(at);
            }
            at += rune.Utf16SequenceLength;
        }
        var found = normalized.ToString().IndexOf(normalizedKey, StringComparison.Ordinal);
        if (found < 0) return null;
        var start = origins[found];
        var last = origins[found + normalizedKey.Length - 1];
        var end = last + (char.IsHighSurrogate(name[last]) ? 2 : 1);
        return (start, end - start);
    }

    /// <summary>The distinct unigrams and bigrams of a normalised name, in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(string normalizedName)
    {
        var characters = Characters(normalizedName);
        var grams = new List<string>(characters.Count * 2);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < characters.Count; i++)
        {
            if (seen.Add(characters[i])) grams.Add(characters[i]);
            if (i + 1 < characters.Count && seen.Add(characters[i] + characters[i + 1])) grams.Add(characters[i] + characters[i + 1]);
        }
        return grams;
    }

    /// <summary>
    /// What a normalised query needs from a name's grams: its one character, or its distinct bigrams.
    /// Holding them is necessary, not sufficient ("abxba" holds both bigrams of "aba"), so the
    /// query rechecks the whole substring.
    /// </summary>
    public static IReadOnlyList<string> ForQuery(string normalizedQuery)
    {
        var characters = Characters(normalizedQuery);
        if (characters.Count <= 1) return characters;
        return Enumerable.Range(0, characters.Count - 1)
            .Select(i => characters[i] + characters[i + 1])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A gram as the index stores it, in four bytes: a unigram is its character's code, a bigram the first's code
    /// times 65,536 plus the second's (read as a signed integer). A character of the BMP is its own code, exact; one
    /// beyond it (𠮷) is folded onto the surrogate range, which no character of the BMP holds, so its grams may be
    /// shared by other such characters and a query holding one is rechecked (<see cref="IsExact"/>).
    /// </summary>
    public static int Code(string gram)
    {
        var characters = gram.EnumerateRunes().ToList();
        if (characters.Count is < 1 or > 2) throw new ArgumentException($"A gram is one or two characters: \"{gram}\".", nameof(gram));
        var code = CharacterCode(characters[0]);
        return characters.Count == 1 ? code : unchecked((int)((uint)code << 16 | (uint)CharacterCode(characters[1])));
    }

    /// <summary>The codes of <see cref="Of"/>.</summary>
    public static IReadOnlyList<int> CodesOf(string normalizedName) => Of(normalizedName).Select(Code).Distinct().ToList();

    /// <summary>The codes of <see cref="ForQuery"/>.</summary>
    public static IReadOnlyList<int> CodesForQuery(string normalizedQuery) => ForQuery(normalizedQuery).Select(Code).Distinct().ToList();

    /// <summary>Whether a gram's code stands for it alone: every character of the text is in the BMP.</summary>
    public static bool IsExact(string normalized) => normalized.EnumerateRunes().All(r => r.IsBmp);

    private static int CharacterCode(Rune rune) => rune.IsBmp ? rune.Value : 0xD800 | (rune.Value & 0x7FF);

    /// <summary>The number of characters (code points) of a normalised text.</summary>
    public static int Length(string normalized) => normalized.EnumerateRunes().Count();

    private static List<string> Characters(string text) => text.EnumerateRunes().Select(r => r.ToString()).ToList();
}
