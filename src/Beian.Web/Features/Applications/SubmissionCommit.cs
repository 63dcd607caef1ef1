using Beian.Web.Data;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Applications;

/// <summary>How every 新增/变更/注销 submission of a subject or a website is saved.</summary>
public static class SubmissionCommit
{
    public const string PendingDocumentMessage = "存在审核中的单据";

    /// <summary>
    /// Saves the submitted <paramref name="application"/> with what goes with it in one transaction.
    /// A copy of the same submission that lost the race (same key) returns the winner; a submission
    /// on a record another submission moved first (its version changed) is told that an application
    /// is under review, as it would have been a moment later.
    /// </summary>
    public static async Task<SubmissionResult> CommitSubmissionAsync(this BeianDbContext db, FilingApplication application,
        Func<Task> alsoInTransaction, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await alsoInTransaction();
            await transaction.CommitAsync(cancellationToken);
            return SubmissionResult.Ok(application);
        }
        catch (DbUpdateException failure)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var winner = await db.Applications.BySubmissionKeyAsync(application.OwnerUserId, application.SubmissionKey, cancellationToken);
            if (winner != null) return SubmissionResult.Ok(winner);
            if (failure is DbUpdateConcurrencyException) return SubmissionResult.Refused(PendingDocumentMessage);
            throw;
        }
    }
}
