using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Beian.Web.Data;

/// <summary>Used only by `dotnet ef migrations add … --context SqliteBeianDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBeianDbContext>
{
    public SqliteBeianDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBeianDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used only by `dotnet ef migrations add … --context PostgresBeianDbContext`; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBeianDbContext>
{
    public PostgresBeianDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBeianDbContext>().UseNpgsql("Host=localhost;Database=beian_design").Options);
}
