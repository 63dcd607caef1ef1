using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Audit;

/// <summary>
/// Checks the whole audit log: every record's content against its content hash, and the sealed
/// records as a chain (sequences 1, 2, 3 … without gaps, each previous hash equal to the chain
/// hash before it, each chain hash recomputed). Used by <c>audit verify</c> and the 【校验完整性】
/// button. Reads in sequence order, a batch at a time, so memory stays flat however long the log.
/// What a chain cannot show by itself is records cut off at its end: compare
/// <see cref="AuditVerification.LastSequence"/> with the head the sealer logs.
/// </summary>
public sealed class AuditChainVerifier(BeianDbContext db)
{
    private const int BatchSize = 1000;
    private const int BlockBatchSize = 8;
    public const int MaxProblems = 100;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<AuditProblem>();
        void Report(AuditProblem problem)
        {
            if (problems.Count < MaxProblems) problems.Add(problem);
        }

        var chain = new ChainWalk(Report);
        var archived = await VerifyBlocksAsync(chain, cancellationToken);
        var sealedCount = archived;
        // Every row, also any below the blocks' end: a record put back beside its block is reported as out of place.
        var after = long.MinValue;
        while (true)
        {
            var batch = await db.AuditRecords.AsNoTracking().Where(r => r.Sequence != null && r.Sequence > after)
                .OrderBy(r => r.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var record in batch)
            {
                sealedCount++;
                after = record.Sequence!.Value;
                if (AuditHashes.FaultOf(record) is { } fault) Report(new AuditProblem(fault, after, record.Id));
                chain.Continue(after, 1, record.PreviousHash, record.ChainHash, record.Id);
            }
            if (batch.Count < BatchSize) break;
        }

        var unsealedCount = await VerifyUnsealedAsync(Report, cancellationToken);
        return new AuditVerification(sealedCount + unsealedCount, sealedCount, unsealedCount, chain.Head, chain.Head == null ? null : chain.Previous,
            problems) { Archived = archived };
    }

    /// <summary>The archived blocks in sequence order, a few at a time: each recomputed from its first record's previous hash to its last chain hash.</summary>
    private async Task<int> VerifyBlocksAsync(ChainWalk chain, CancellationToken cancellationToken)
    {
        var count = 0;
        var after = long.MinValue;
        while (true)
        {
            var blocks = await db.AuditBlocks.AsNoTracking().Where(b => b.FirstSequence > after).OrderBy(b => b.FirstSequence)
                .Take(BlockBatchSize).ToListAsync(cancellationToken);
            foreach (var block in blocks)
            {
                after = block.FirstSequence;
                count += block.RecordCount;
                var run = block.LastSequence - block.FirstSequence + 1;
                if (!Recomputes(block)) chain.Report(new AuditProblem(AuditProblemKind.BlockAltered, block.FirstSequence, null, run));
                chain.Continue(block.FirstSequence, run, block.PreviousHash, block.LastChainHash, null);
            }
            if (blocks.Count < BlockBatchSize) return count;
        }
    }

    private static bool Recomputes(AuditBlock block)
    {
        try
        {
            var records = block.Records();
            return records.Count == block.RecordCount && block.FirstSequence + records.Count - 1 == block.LastSequence
                && records[^1].ChainHash == block.LastChainHash;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// The chain's order as it is walked (blocks, then records): sequences 1, 2, 3 … without a gap, each run's previous
    /// hash the chain hash before it. One break is reported once, not at every record after it.
    /// </summary>
    private sealed class ChainWalk(Action<AuditProblem> report)
    {
        private long _expected = 1;

        public string Previous { get; private set; } = AuditHashes.Genesis;
        public long? LastSequence { get; private set; }
        public long? Head => LastSequence == null ? null : _expected - 1;

        public void Report(AuditProblem problem) => report(problem);

        public void Continue(long first, long count, string? previousHash, string? chainHash, Guid? recordId)
        {
            LastSequence = first + count - 1;
            if (first < _expected)
            {
                report(new AuditProblem(AuditProblemKind.OutOfPlace, first, recordId));
                return;
            }
            if (first > _expected)
                report(new AuditProblem(AuditProblemKind.Missing, _expected, null, first - _expected));
            else if (previousHash != Previous)
                report(new AuditProblem(AuditProblemKind.PreviousHashMismatch, first, recordId));
            _expected = first + count;
            Previous = chainHash ?? string.Empty;
        }
    }

    private async Task<int> VerifyUnsealedAsync(Action<AuditProblem> report, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var record in db.AuditRecords.AsNoTracking().Where(r => r.Sequence == null).OrderBy(r => r.At).ThenBy(r => r.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (AuditHashes.Content(record) != record.ContentHash)
                report(new AuditProblem(AuditProblemKind.ContentAltered, null, record.Id));
        }
        return count;
    }
}

public enum AuditProblemKind
{
    /// <summary>A sequence number is missing: the record was deleted.</summary>
    Missing,
    /// <summary>The content no longer matches its content hash: the record was altered.</summary>
    ContentAltered,
    /// <summary>The previous hash does not match the record before: a record was replaced or re-linked.</summary>
    PreviousHashMismatch,
    /// <summary>The chain hash was changed.</summary>
    ChainHashMismatch,
    /// <summary>An archived block no longer recomputes to its last chain hash: a record in it was altered, added or removed.</summary>
    BlockAltered,
    /// <summary>A sequence number below the start of the chain: it was changed.</summary>
    OutOfPlace,
}

public sealed record AuditProblem(AuditProblemKind Kind, long? Sequence, Guid? RecordId, long MissingCount = 1)
{
    public string Chinese => Kind switch
    {
        AuditProblemKind.Missing => MissingCount == 1 ? $"缺少序号 {Sequence} 的记录（记录被删除）" : $"缺少序号 {Sequence} 起的 {MissingCount} 条记录（记录被删除）",
        AuditProblemKind.ContentAltered => $"{Where}的内容与内容哈希不符（记录被修改）",
        AuditProblemKind.PreviousHashMismatch => $"{Where}的前一哈希与上一条记录的链哈希不符（记录被替换）",
        AuditProblemKind.ChainHashMismatch => $"{Where}的链哈希不符（链哈希被修改）",
        AuditProblemKind.OutOfPlace => $"{Where}的序号不在链中（序号被修改）",
        AuditProblemKind.BlockAltered => $"序号 {Sequence} 起的归档块（{MissingCount} 条记录）与其链哈希不符（归档记录被修改）",
        _ => Kind.ToString(),
    };

    public string English => Kind switch
    {
        AuditProblemKind.Missing => MissingCount == 1 ? $"record {Sequence} is missing (deleted)" : $"{MissingCount} records from {Sequence} are missing (deleted)",
        AuditProblemKind.ContentAltered => $"{WhereEnglish}: content does not match its content hash (altered)",
        AuditProblemKind.PreviousHashMismatch => $"{WhereEnglish}: previous hash does not match the chain hash before it (replaced)",
        AuditProblemKind.ChainHashMismatch => $"{WhereEnglish}: chain hash does not match (altered)",
        AuditProblemKind.OutOfPlace => $"{WhereEnglish}: sequence lies outside the chain (altered)",
        AuditProblemKind.BlockAltered => $"the archive block from record {Sequence} ({MissingCount} records) does not recompute to its chain hash (altered)",
        _ => Kind.ToString(),
    };

    private string Where => Sequence is { } s ? $"序号 {s} 的记录" : $"未封存记录 {RecordId}";
    private string WhereEnglish => Sequence is { } s ? $"record {s}" : $"unsealed record {RecordId}";
}

public sealed record AuditVerification(int Checked, int Sealed, int Unsealed, long? LastSequence, string? LastChainHash, IReadOnlyList<AuditProblem> Problems)
{
    public bool Intact => Problems.Count == 0;

    /// <summary>Of the sealed records, those read from archive blocks.</summary>
    public int Archived { get; init; }

    private string ArchivedText => Archived > 0 ? $"，其中已归档 {Archived} 条" : "";

    public AuditProblem? FirstProblem => Problems.Count > 0 ? Problems[0] : null;

    /// <summary>Two lines, Chinese then English, for the command line and the page.</summary>
    public IReadOnlyList<string> Summary() => Intact
        ?
        [
            $"审计日志完整：共校验 {Checked} 条记录（已封存 {Sealed} 条{ArchivedText}，待封存 {Unsealed} 条），链末序号 {LastSequence?.ToString() ?? "—"}。",
            $"Audit log intact: {Checked} records checked ({Sealed} sealed{(Archived > 0 ? $" of which {Archived} archived" : "")}, {Unsealed} pending), chain head {LastSequence?.ToString() ?? "-"} {LastChainHash}.",
        ]
        :
        [
            $"审计日志被篡改：共校验 {Checked} 条记录，发现 {ProblemCountText} 处问题；首个问题：{FirstProblem!.Chinese}。",
            $"Audit log TAMPERED: {Checked} records checked, {ProblemCountText} problem(s); first broken: {FirstProblem.English}.",
        ];

    private string ProblemCountText => Problems.Count >= AuditChainVerifier.MaxProblems ? $"{Problems.Count}+" : Problems.Count.ToString();
}
