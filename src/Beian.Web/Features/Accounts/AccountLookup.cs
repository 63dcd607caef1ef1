using Beian.Core.Accounts;
using Beian.Web.Data;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Accounts;

/// <summary>Finds accounts by username or mobile number and reads their protected mobile.</summary>
public sealed class AccountLookup(UserManager<ApplicationUser> users, BeianDbContext db, PersonalDataProtector protector)
{
    public async Task<ApplicationUser?> FindByLoginAsync(string login)
    {
        login = login.Trim();
        if (MobileNumber.IsValid(login))
        {
            var byMobile = await FindByMobileAsync(login);
            if (byMobile != null) return byMobile;
        }
        return await users.FindByNameAsync(login);
    }

    public Task<ApplicationUser?> FindByMobileAsync(string mobile)
    {
        var hash = protector.Hash(MobileNumber.Normalize(mobile));
        return db.Users.FirstOrDefaultAsync(u => u.MobileHash == hash);
    }

    public Task<bool> MobileTakenAsync(string mobile, string? exceptUserId = null)
    {
        var hash = protector.Hash(MobileNumber.Normalize(mobile));
        return db.Users.AnyAsync(u => u.MobileHash == hash && u.Id != exceptUserId);
    }

    public string MobileOf(ApplicationUser user) =>
        string.IsNullOrEmpty(user.MobileCipher) ? string.Empty : protector.Decrypt(user.MobileCipher);

    public void SetMobile(ApplicationUser user, string mobile)
    {
        var normalized = MobileNumber.Normalize(mobile);
        user.MobileCipher = protector.Encrypt(normalized);
        user.MobileHash = protector.Hash(normalized);
    }
}
