using Beian.Web.Data;
using Beian.Web.Infrastructure.Outbox;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Dev;

/// <summary>
/// Development only: every SMS and email the platform has queued, newest first, with the full
/// text, so that a tester can read a verification code. Answers 404 in any other environment.
/// </summary>
[AllowAnonymous]
public class OutboxModel(BeianDbContext db, PersonalDataProtector protector, IHostEnvironment environment) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<OutboxRow> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!environment.IsDevelopment()) return NotFound();
        var messages = await db.OutboxMessages.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt)
            .Take(PageSize)
            .ToListAsync();
        Messages = messages.Select(m => new OutboxRow(
            m.CreatedAt, m.Channel, protector.Decrypt(m.RecipientCipher), m.Subject, m.Body, m.Status, m.Attempts)).ToList();
        return Page();
    }
}

public sealed record OutboxRow(DateTime CreatedAt, OutboxChannel Channel, string Recipient, string? Subject, string Body, OutboxStatus Status, int Attempts);
