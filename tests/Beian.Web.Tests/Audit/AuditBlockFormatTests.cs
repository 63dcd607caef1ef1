using Beian.Web.Features.Audit;

namespace Beian.Web.Tests.Audit;

/// <summary>The bytes of an archive block: every field back as it was, whatever order the times come in, and damage refused.</summary>
public sealed class AuditBlockFormatTests
{
    [Fact]
    public void Records_come_back_field_for_field_with_their_chain_recomputed()
    {
        var at = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        // A record sealed late can be older than the one before it: times go back as well as forward.
        var records = new[] { at, at.AddSeconds(-30), at.AddDays(3), at.AddTicks(10) }.Select((time, i) => Sealed(time, i)).ToList();
        var previous = AuditHashes.Genesis;
        foreach (var record in records)
        {
            record.LinkArchived(previous);
            previous = record.ChainHash!;
        }

        var back = AuditBlockFormat.Unpack(AuditBlockFormat.Pack(records), firstSequence: 41);
        Assert.Equal(records.Count, back.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var (was, now) = (records[i], back[i]);
            Assert.Equal((was.Id, was.At, was.UserId, was.UserName, was.UnitCode, was.Action, was.ObjectType, was.ObjectId, was.Outcome, was.SourceIp, was.Detail, was.SealedAt),
                (now.Id, now.At, now.UserId, now.UserName, now.UnitCode, now.Action, now.ObjectType, now.ObjectId, now.Outcome, now.SourceIp, now.Detail, now.SealedAt));
            Assert.Equal(41 + i, now.Sequence);
            Assert.Equal(was.ContentHash, AuditHashes.Content(now));
        }
    }

    [Fact]
    public void A_damaged_payload_is_refused_as_invalid_data()
    {
        var payload = AuditBlockFormat.Pack([Sealed(DateTime.UtcNow, 0)]);
        Assert.Throws<InvalidDataException>(() => AuditBlockFormat.Unpack([1, 2, 3], 1));
        Assert.Throws<InvalidDataException>(() => AuditBlockFormat.Unpack(payload[..^4], 1));
        var flipped = payload.ToArray();
        flipped[^6] ^= 0x55;
        Assert.Throws<InvalidDataException>(() => AuditBlockFormat.Unpack(flipped, 1));
    }

    private static AuditRecord Sealed(DateTime at, int i) =>
        AuditRecord.Archived(Guid.CreateVersion7(), new DateTime(at.Ticks - at.Ticks % 10, DateTimeKind.Utc), $"user-{i}", i == 2 ? "" : $"名字{i}",
            i % 2 == 0 ? null : "330106", "Approve", "Application", Guid.NewGuid().ToString(), "Succeeded", i == 1 ? null : "2001:db8::1",
            $"说明 {i}；带“引号”与换行\n", 1 + i, at.AddSeconds(5).AddTicks(3));
}
