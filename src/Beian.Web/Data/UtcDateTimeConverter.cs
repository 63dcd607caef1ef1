using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Beian.Web.Data;

/// <summary>All timestamps are stored as UTC and come back marked as UTC on every provider.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    value => value == null ? null : value.Value.Kind == DateTimeKind.Utc ? value : value.Value.ToUniversalTime(),
    value => value == null ? null : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc));
