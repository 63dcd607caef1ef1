using Beian.Core.Accounts;
using Beian.Core.Subjects;

namespace Beian.Web.Features.Public;

/// <summary>The 开办者名称 a public page shows (SPEC §11): a unit's name in full, an individual's partly masked (张**).</summary>
public static class PublicHolder
{
    public static string NameOf(SubjectNature nature, string name) =>
        nature == SubjectNature.Individual ? Masking.MaskPersonName(name) : name;
}
