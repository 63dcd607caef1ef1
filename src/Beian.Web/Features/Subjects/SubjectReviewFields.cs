using Beian.Web.Features.Applications;

namespace Beian.Web.Features.Subjects;

/// <summary>A subject form as the reviewer reads it (the same fields and order as <see cref="SubjectFields"/>).</summary>
public static class SubjectReviewFields
{
    public static IReadOnlyList<ReviewField> Of(SubjectForm form) =>
        SubjectFields.For(form).Select(field => new ReviewField(
            field.Path,
            field.Path.StartsWith("Principal.", StringComparison.Ordinal) ? "负责人信息" : "主体信息",
            field.Label,
            field.Read(form) ?? string.Empty,
            field.IsPersonal ? SubjectFields.Masked(field, form) : null,
            field.IsFile ? SubjectFields.FileIdOf(field.Path, form) : null)).ToList();
}
