using Beian.Core.Applications;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Applications;

/// <summary>
/// A business's part in the decisions on its applications: what approval, return and revocation
/// do to the business's own records (the subject becomes 有效 …). Called inside the decision's
/// transaction; it must not save.
/// </summary>
public interface IApplicationEffects
{
    IReadOnlyCollection<BusinessType> Handles { get; }

    Task OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken);

    Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken);

    Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken);
}

/// <summary>
/// The one place where applications are revoked, approved and returned, for every business.
/// The police console calls it; each decision, its effects on the records and the messages it
/// sends commit in one transaction, and a concurrent decision on the same application fails
/// instead of applying twice.
/// </summary>
public sealed class ApplicationService(
    BeianDbContext db,
    IEnumerable<IApplicationEffects> effects,
    ApplicationNotices notices,
    TimeProvider clock)
{
    public Task<FilingApplication?> FindForOwnerAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Applications.Include(a => a.Transitions)
            .FirstOrDefaultAsync(a => a.Id == id && a.OwnerUserId == ownerUserId, cancellationToken);

    /// <summary>【撤销申请】 by its owner: refused after 30 minutes or once review started.</summary>
    public async Task<DecisionResult> RevokeAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default)
    {
        var application = await FindForOwnerAsync(id, ownerUserId, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        var refusal = application.RefuseRevoke(Now);
        if (refusal != null) return DecisionResult.Refused(refusal);
        application.Revoke(ownerUserId, Now);
        await EffectsFor(application).OnRevokedAsync(application, cancellationToken);
        return await CommitAsync(cancellationToken);
    }

    public async Task<DecisionResult> ApproveAsync(Guid id, string reviewerUserId, string? note = null, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        if (!ApplicationStateMachine.CanApply(application.Status, ApplicationAction.Approve))
            return DecisionResult.Refused($"申请处于“{application.Status.Label()}”状态，不能审核通过");
        // Effects may issue a 公安备案号, which must commit or roll back with the decision.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        application.Approve(reviewerUserId, note, Now);
        try
        {
            await EffectsFor(application).OnApprovedAsync(application, cancellationToken);
        }
        catch (IllegalTransitionException refusal)
        {
            db.ChangeTracker.Clear();
            return DecisionResult.Refused(refusal.Message);
        }
        await notices.ApprovedAsync(application, cancellationToken);
        var result = await CommitAsync(cancellationToken);
        if (result.Succeeded) await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<DecisionResult> ReturnAsync(Guid id, string reviewerUserId, string reasons, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        if (!ApplicationStateMachine.CanApply(application.Status, ApplicationAction.Return))
            return DecisionResult.Refused($"申请处于“{application.Status.Label()}”状态，不能退回");
        application.Return(reviewerUserId, reasons, Now);
        await EffectsFor(application).OnReturnedAsync(application, cancellationToken);
        await notices.ReturnedAsync(application, reasons, cancellationToken);
        return await CommitAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IApplicationEffects EffectsFor(FilingApplication application) =>
        effects.FirstOrDefault(e => e.Handles.Contains(application.BusinessType))
        ?? throw new InvalidOperationException($"No effects are registered for {application.BusinessType}.");

    private async Task<DecisionResult> CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return DecisionResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DecisionResult.Refused("该申请已被他人处理，请刷新后查看最新状态");
        }
    }
}

public sealed record DecisionResult(bool Succeeded, bool Found, string? Error)
{
    public static readonly DecisionResult Done = new(true, true, null);
    public static readonly DecisionResult NotFound = new(false, false, "申请不存在");
    public static DecisionResult Refused(string error) => new(false, true, error);
}
