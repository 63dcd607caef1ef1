using Beian.Core.Accounts;
using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Messages;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 移交主体 / 撤回 / 接收主体 (seed 004 §4.1.4–4.1.5). Receiving moves the subject with everything
/// attached to it — its applications, drafts and files — to the receiving account.
/// </summary>
public sealed class SubjectTransferService(
    BeianDbContext db,
    PersonalDataProtector protector,
    Notifier notifier,
    ApplicationService applications,
    Drafts.DraftService drafts,
    Uploads.UploadService uploads,
    IEnumerable<ISubjectDependents> dependents,
    TimeProvider clock)
{
    public async Task<string?> OfferAsync(Subject subject, string receiverMobile, string receiverIdNumber, CancellationToken cancellationToken = default)
    {
        if (!subject.CanApply(SubjectEvent.TransferStarted))
            return $"主体处于“{subject.Status.Label()}”状态，不能移交";
        if (await db.Applications.AnyAsync(a => a.SubjectId == subject.Id
                && OpenStatuses.All.Contains(a.Status), cancellationToken))
            return SubjectService.PendingDocumentMessage;
        var mobile = MobileNumber.Normalize(receiverMobile);
        var owner = await db.Users.FirstAsync(u => u.Id == subject.OwnerUserId, cancellationToken);
        if (owner.MobileHash == protector.Hash(mobile)) return "不能移交给自己";

        subject.BeginTransfer(new Filing.RecordStep(subject.OwnerUserId, Now, "移交主体"));
        db.SubjectTransfers.Add(new SubjectTransfer
        {
            Id = Guid.CreateVersion7(),
            SubjectId = subject.Id,
            FromUserId = subject.OwnerUserId,
            ReceiverMobileHash = protector.Hash(mobile),
            ReceiverIdNumberHash = protector.Hash(receiverIdNumber.Trim().ToUpperInvariant()),
            ReceiverMobileMasked = MobileNumber.Mask(mobile),
            Status = TransferStatus.Open,
            CreatedAt = Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public Task<SubjectTransfer?> OpenTransferOfAsync(Guid subjectId, CancellationToken cancellationToken = default) =>
        db.SubjectTransfers.FirstOrDefaultAsync(t => t.SubjectId == subjectId && t.Status == TransferStatus.Open, cancellationToken);

    /// <summary>The sender withdraws while the receiver has not acted.</summary>
    public async Task<string?> WithdrawAsync(Guid transferId, string senderUserId, CancellationToken cancellationToken = default)
    {
        var transfer = await db.SubjectTransfers.FirstOrDefaultAsync(t => t.Id == transferId && t.FromUserId == senderUserId, cancellationToken);
        if (transfer == null || transfer.Status != TransferStatus.Open) return "该移交已被接收或已撤回";
        var subject = await db.Subjects.FirstAsync(s => s.Id == transfer.SubjectId, cancellationToken);
        transfer.Status = TransferStatus.Withdrawn;
        transfer.ClosedAt = Now;
        subject.WithdrawTransfer(new Filing.RecordStep(senderUserId, Now, "撤回移交"));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>接收主体 lists what was sent to this account's verified mobile and 实名 ID number.</summary>
    public async Task<IReadOnlyList<(SubjectTransfer Transfer, Subject Subject)>> OffersForAsync(ApplicationUser receiver, CancellationToken cancellationToken = default)
    {
        if (receiver.MobileVerifiedAt == null || receiver.IdNumberHash == null) return [];
        var offers = await db.SubjectTransfers.AsNoTracking()
            .Where(t => t.Status == TransferStatus.Open && t.ReceiverMobileHash == receiver.MobileHash && t.ReceiverIdNumberHash == receiver.IdNumberHash)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        var ids = offers.Select(o => o.SubjectId).ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return offers.Select(o => (o, subjects[o.SubjectId])).ToList();
    }

    /// <summary>
    /// 【接收】: the subject and everything attached to it — its applications, drafts, files and every
    /// business with theirs, each moved by its own capability — go to the receiver in one transaction.
    /// </summary>
    public async Task<string?> ReceiveAsync(Guid transferId, ApplicationUser receiver, CancellationToken cancellationToken = default)
    {
        var transfer = (await OffersForAsync(receiver, cancellationToken)).Select(o => o.Transfer).FirstOrDefault(t => t.Id == transferId);
        if (transfer == null) return "该移交不存在、已被撤回，或接收人信息与您的账号不一致";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.SubjectTransfers.FirstAsync(t => t.Id == transferId, cancellationToken);
        var subject = await db.Subjects.FirstAsync(s => s.Id == transfer.SubjectId, cancellationToken);
        var senderId = subject.OwnerUserId;

        tracked.Status = TransferStatus.Received;
        tracked.ClosedAt = Now;
        tracked.ReceivedByUserId = receiver.Id;
        subject.TransferTo(receiver.Id, new Filing.RecordStep(receiver.Id, Now, "接收主体"));
        await MoveAttachedAsync(subject.Id, senderId, receiver.Id, cancellationToken);
        await TellAsync(senderId, "主体已被接收", $"您移交的主体“{subject.Name}”已被接收方接收。", cancellationToken);
        await TellAsync(receiver.Id, "已接收主体", $"您已接收主体“{subject.Name}”，可在“我的主体”中查看。", cancellationToken);
        var refusal = await SaveAsync(cancellationToken);
        if (refusal == null) await transaction.CommitAsync(cancellationToken);
        return refusal;
    }

    private async Task MoveAttachedAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken)
    {
        await applications.TransferAsync(subjectId, toUserId, cancellationToken);
        await uploads.TransferAsync([SubjectService.AttachmentKey(subjectId)], fromUserId, toUserId, cancellationToken);
        await drafts.TransferAsync(subjectId, fromUserId, toUserId, cancellationToken);
        foreach (var dependent in dependents)
            await dependent.TransferAllOfAsync(subjectId, fromUserId, toUserId, cancellationToken);
    }

    private Task TellAsync(string userId, string title, string text, CancellationToken cancellationToken) =>
        notifier.NotifyWithSmsAsync(userId, title, text, cancellationToken);

    private async Task<string?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "该移交已被处理，请刷新后查看";
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
