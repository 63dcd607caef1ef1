using Beian.Core.PublicQuery;

namespace Beian.Core.Tests.PublicQuery;

public class NameGramsTests
{
    [Theory]
    [InlineData("小米 科技", "小米科技")]
    [InlineData("ＡＢＣ　网站", "abc网站")]
    [InlineData(" Xiaomi\t官网 ", "xiaomi官网")]
    [InlineData("１２３０６", "12306")]
    [InlineData("㎞跑团", "km跑团")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Names_are_lower_cased_half_width_and_without_white_space(string name, string key)
    {
        Assert.Equal(key, NameGrams.Normalize(name));
    }

    [Fact]
    public void A_name_is_indexed_by_its_distinct_unigrams_and_bigrams()
    {
        Assert.Equal(["小", "小米", "米", "米科", "科", "科技", "技"], NameGrams.Of("小米科技"));
        // 网 and the bigram 网网 appear once however often the name repeats them.
        Assert.Equal(["网", "网网"], NameGrams.Of("网网网"));
        Assert.Equal(["a"], NameGrams.Of("a"));
        Assert.Empty(NameGrams.Of(""));
    }

    [Fact]
    public void A_character_outside_the_BMP_is_one_character()
    {
        Assert.Equal(["𠮷", "𠮷野", "野", "野家", "家"], NameGrams.Of("𠮷野家"));
        Assert.Equal(["𠮷"], NameGrams.ForQuery("𠮷"));
        Assert.Equal(3, NameGrams.Length("𠮷野家"));
    }

    [Fact]
    public void A_one_character_query_needs_its_unigram_and_a_longer_one_its_bigrams()
    {
        Assert.Equal(["米"], NameGrams.ForQuery("米"));
        Assert.Equal(["小米"], NameGrams.ForQuery("小米"));
        Assert.Equal(["科技", "技官", "官方"], NameGrams.ForQuery("科技官方"));
        Assert.Equal(["哈哈"], NameGrams.ForQuery("哈哈哈"));
        Assert.Empty(NameGrams.ForQuery(""));
    }

    [Theory]
    [InlineData("小米科技官方网站", "米")]
    [InlineData("小米科技官方网站", "小米")]
    [InlineData("小米科技官方网站", "科技官方")]
    [InlineData("Xiaomi 官网", "ＸＩＡＯ")]
    public void Every_query_gram_of_a_substring_is_among_the_names_grams(string name, string query)
    {
        var grams = NameGrams.Of(NameGrams.Normalize(name));
        Assert.All(NameGrams.ForQuery(NameGrams.Normalize(query)), gram => Assert.Contains(gram, grams));
    }

    [Theory]
    [InlineData("小米科技官方网站", "米小")]
    [InlineData("小米科技官方网站", "华为")]
    [InlineData("小米科技官方网站", "华")]
    [InlineData("小米科技官方网站", "网")]
    [InlineData("小米科技官方网站", "网站")]
    public void For_one_or_two_characters_holding_the_grams_is_containing_the_query(string name, string query)
    {
        var key = NameGrams.Normalize(name);
        var grams = NameGrams.Of(key);
        var holdsAll = NameGrams.ForQuery(query).All(grams.Contains);
        Assert.Equal(key.Contains(query), holdsAll);
    }

    [Fact]
    public void Holding_every_bigram_is_not_enough_the_substring_is_rechecked()
    {
        var grams = NameGrams.Of("abxba");
        Assert.All(NameGrams.ForQuery("aba"), gram => Assert.Contains(gram, grams));
        Assert.DoesNotContain("aba", "abxba");
    }

    [Theory]
    [InlineData("北京小米科技", "小米", "小米")]
    [InlineData("ＡＢＣ 商城官网", "abc商", "ＡＢＣ 商")]    // full width and a space inside the piece
    [InlineData("𠮷数码商城", "𠮷数", "𠮷数")]              // a character outside the BMP is marked whole
    [InlineData("数码𠮷", "码𠮷", "码𠮷")]
    [InlineData("Shop 商城", "shop", "Shop")]
    public void The_piece_of_the_name_a_query_matched_is_found_for_marking(string name, string key, string piece)
    {
        var (start, length) = NameGrams.Locate(name, key)!.Value;
        Assert.Equal(piece, name.Substring(start, length));
    }

    [Fact]
    public void A_name_without_the_query_has_nothing_to_mark()
    {
        Assert.Null(NameGrams.Locate("北京小米科技", "米小"));
        Assert.Null(NameGrams.Locate("北京小米科技", ""));
    }

    [Fact]
    public void A_gram_of_the_BMP_is_coded_exactly_in_four_bytes()
    {
        Assert.Equal(0x5C0F, NameGrams.Code("小"));
        Assert.Equal(unchecked((int)0x5C0F7C73u), NameGrams.Code("小米"));
        Assert.Equal(unchecked((int)0x9F9A9F9Au), NameGrams.Code("龚龚"));
        Assert.Equal(0x61 << 16 | 0x62, NameGrams.Code("ab"));
        // A unigram is below 65,536 and a bigram's first character is never NUL: the two never meet.
        Assert.InRange(NameGrams.Code("a"), 1, 0xFFFF);
        Assert.True(NameGrams.Code("a\u0001") > 0xFFFF);
    }

    [Fact]
    public void Every_distinct_gram_of_the_BMP_has_its_own_code()
    {
        var grams = new[] { "小", "米", "小米", "米小", "科技", "技科", "a", "ab", "ba", "12", "21", "网网", "﻿", "\uFFFF\uFFFF" };
        Assert.Equal(grams.Length, grams.Select(NameGrams.Code).Distinct().Count());
    }

    [Fact]
    public void A_character_beyond_the_BMP_is_folded_and_its_queries_rechecked()
    {
        Assert.InRange(NameGrams.Code("𠮷"), 0xD800, 0xDFFF);
        Assert.Equal(NameGrams.Code("𠮷"), NameGrams.Code(char.ConvertFromUtf32(0x20BB7 + 0x800)));
        Assert.False(NameGrams.IsExact("𠮷野"));
        Assert.True(NameGrams.IsExact("小米"));
        Assert.Equal([NameGrams.Code("𠮷野"), NameGrams.Code("野家")], NameGrams.CodesForQuery("𠮷野家"));
        Assert.Throws<ArgumentException>(() => NameGrams.Code("小米科"));
    }
}
