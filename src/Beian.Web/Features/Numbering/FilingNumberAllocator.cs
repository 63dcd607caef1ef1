using Beian.Core.Numbering;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Numbering;

/// <summary>
/// Issues 公安备案号. One atomic upsert per number (INSERT … ON CONFLICT DO UPDATE … RETURNING, on
/// both PostgreSQL and SQLite): the row stays locked until the caller's transaction ends, so
/// concurrent approvals on any number of servers get distinct serials, and a rolled-back approval
/// takes its serial back with it — no issued number is ever reused.
/// </summary>
public sealed class FilingNumberAllocator(BeianDbContext db)
{
    private const string NextSerialSql = """
        INSERT INTO "NumberSequences" ("AreaCode", "Category", "LastSerial") VALUES ({0}, {1}, 1)
        ON CONFLICT ("AreaCode", "Category") DO UPDATE SET "LastSerial" = "NumberSequences"."LastSerial" + 1
        RETURNING "LastSerial" AS "Value"
        """;

    /// <summary>Must run inside the transaction that approves the application.</summary>
    public async Task<PublicSecurityNumber> NextAsync(string areaCode, FilingCategory category, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction == null)
            throw new InvalidOperationException("A 公安备案号 is issued only inside the approval's transaction.");
        while (true)
        {
            var serials = await db.Database.SqlQueryRaw<int>(NextSerialSql, areaCode, category.Digits()).ToListAsync(cancellationToken);
            var serial = serials.Single();
            if (serial > PublicSecurityNumber.SerialMax)
                throw new InvalidOperationException($"Area {areaCode} has used every serial of category {category}.");
            var number = PublicSecurityNumber.Create(areaCode, category, serial);
            // Numbers filed offline and claimed here keep theirs: the sequence steps over them.
            if (!await IsTakenAsync(number, cancellationToken)) return number;
        }
    }

    /// <summary>Held by a website here, or by a site filed offline that may still be claimed.</summary>
    private async Task<bool> IsTakenAsync(PublicSecurityNumber number, CancellationToken cancellationToken) =>
        await db.Websites.AnyAsync(w => w.NumberDigits == number.Digits, cancellationToken)
        || await db.Set<Unfiled.OfflineFiling>().AnyAsync(f => f.NumberDigits == number.Digits, cancellationToken);
}
