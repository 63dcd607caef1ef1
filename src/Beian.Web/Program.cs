using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.Hosting;

var auditCommand = AuditCommand.Matches(args);
var builder = WebApplication.CreateBuilder(auditCommand ? AuditCommand.HostArguments(args) : args);

builder.AddPlatformLogging();
builder.Services.AddBeianDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPlatformServices(builder.Configuration, builder.Environment);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddWebFrontEnd(builder.Configuration);

var app = builder.Build();

// `audit verify` checks the configured database's audit log and exits: no web host, no migrations.
if (auditCommand) return await AuditCommand.RunAsync(app.Services, args, Console.Out);

await app.PrepareDatabaseAsync();
app.UsePlatformPipeline();
app.MapPlatformEndpoints();

app.Run();
return 0;

public partial class Program;
