using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.PersonalData;
using Beian.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Beian.Web.Tests.Persistence;

/// <summary>
/// <see cref="CompactColumns"/>: on PostgreSQL hashes and ciphertexts are stored as bytes and come back as the same
/// strings, and the migration's SQL turns stored text into exactly the bytes the converter writes (and back).
/// </summary>
public sealed class CompactColumnsTests
{
    private static readonly PersonalDataProtector Protector = new(new EphemeralDataProtectionProvider(), new LookupKey(new byte[32]));

    /// <summary>A compressed document, one sealed before compression, and what tests or old rows may hold instead.</summary>
    public static TheoryData<string> Ciphers() =>
    [
        Protector.EncryptDocument("""{"name":"西湖美瑞物业网上商城","mobile":"13905710001"}"""),
        Protector.Encrypt("""{"name":"旧表单"}"""),
        "br.G0cA-Bwx2w", // a Brotli document's spelling before the dictionary (not a real one: the converters read the marks only)
        "zd1.",
        "zd1.a",
        "",
        "x",
        "cipher",
        "br.",
        "br.a",
        "ab", // base64url whose last character carries bits that decoding drops: kept as text
        "not base64 at all: 中文 and spaces",
        new string('x', 2300),
    ];

    [Theory]
    [MemberData(nameof(Ciphers))]
    public void Every_ciphertext_comes_back_as_it_went_in(string cipher) =>
        Assert.Equal(cipher, CipherBytesConverter.FromBytes(CipherBytesConverter.ToBytes(cipher)));

    [Fact]
    public void A_sealed_document_takes_at_most_three_quarters_of_its_text_and_a_byte()
    {
        var cipher = Protector.EncryptDocument(new string('a', 500) + Guid.NewGuid());
        var stored = CipherBytesConverter.ToBytes(cipher);
        Assert.Equal(CipherBytesConverter.Dictionary, stored[0]);
        Assert.True(stored.Length <= (cipher.Length - PersonalDataProtector.DictionaryMark.Length) * 3 / 4 + 1,
            $"{stored.Length} bytes for {cipher.Length} characters");
    }

    [Fact]
    public void A_hash_is_stored_as_its_32_bytes()
    {
        var hash = AuditHashes.Chain(AuditHashes.Genesis, new string('b', 64));
        var stored = (byte[])HexBytesConverter.Instance.ConvertToProvider(hash)!;
        Assert.Equal(32, stored.Length);
        Assert.Equal(hash, HexBytesConverter.Instance.ConvertFromProvider(stored));
    }
}

/// <summary>The migration's conversions run by PostgreSQL itself, on the strings a real database holds.</summary>
public sealed class CompactColumnsMigrationTests(PostgresPlatform platform) : IClassFixture<PostgresPlatform>
{
    [Theory]
    [MemberData(nameof(CompactColumnsTests.Ciphers), MemberType = typeof(CompactColumnsTests))]
    public async Task The_migration_turns_a_stored_ciphertext_into_the_converters_bytes_and_back(string cipher)
    {
        platform.RequireAvailable();
        var bytes = await ScalarAsync<byte[]>($"""SELECT {CompactColumns.CipherToBytesSql("c")} FROM (SELECT @v::text AS "c") AS t""", cipher);
        Assert.Equal(CipherBytesConverter.ToBytes(cipher), bytes);
        Assert.Equal(cipher, await ScalarAsync<string>($"""SELECT {CompactColumns.BytesToCipherSql("c")} FROM (SELECT @v::bytea AS "c") AS t""", bytes));
    }

    [Fact]
    public async Task The_migration_turns_a_stored_hash_into_its_bytes_and_back()
    {
        platform.RequireAvailable();
        var hash = AuditHashes.Chain(AuditHashes.Genesis, new string('c', 64));
        var bytes = await ScalarAsync<byte[]>($"""SELECT {CompactColumns.HexToBytesSql("h")} FROM (SELECT @v::text AS "h") AS t""", hash);
        Assert.Equal(Convert.FromHexString(hash), bytes);
        Assert.Equal(hash, await ScalarAsync<string>($"""SELECT {CompactColumns.BytesToHexSql("h")} FROM (SELECT @v::bytea AS "h") AS t""", bytes));
    }

    [Fact]
    public async Task The_columns_are_bytes_on_postgres()
    {
        platform.RequireAvailable();
        var types = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Database.SqlQueryRaw<string>("""
            SELECT table_name || '.' || column_name || ' ' || data_type AS "Value" FROM information_schema.columns
            WHERE (table_name, column_name) IN (('AuditRecords', 'ChainHash'), ('Applications', 'SnapshotCipher'), ('Websites', 'DataCipher'))
            ORDER BY 1
            """).ToListAsync());
        Assert.Equal(["Applications.SnapshotCipher bytea", "AuditRecords.ChainHash bytea", "Websites.DataCipher bytea"], types);
    }

    private Task<T> ScalarAsync<T>(string sql, object value) =>
        platform.ScopedAsync(async s =>
        {
            var connection = (NpgsqlConnection)s.GetRequiredService<BeianDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("v", value);
            return (T)(await command.ExecuteScalarAsync())!;
        });
}
