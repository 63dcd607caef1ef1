using Beian.Web.Data;
using Beian.Web.Features.Audit;
using Beian.Web.Infrastructure.Hosting;
using Beian.Web.Infrastructure.Storage;

var auditCommand = AuditCommand.Matches(args);
var storageCommand = StorageCommand.Matches(args);
var builder = WebApplication.CreateBuilder(auditCommand || storageCommand ? AuditCommand.HostArguments(args) : args);

builder.AddPlatformLogging();
builder.Services.AddBeianDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPlatformServices(builder.Configuration, builder.Environment);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddWebFrontEnd(builder.Configuration);

var app = builder.Build();

// `audit verify` checks the configured database's audit log and exits: no web host, no migrations.
if (auditCommand) return await AuditCommand.RunAsync(app.Services, args, Console.Out);
// `storage copy-to-s3` copies the local files into the bucket and exits, the same way.
if (storageCommand) return await StorageCommand.RunAsync(app.Services, args, Console.Out);

await app.PrepareDatabaseAsync();
app.UsePlatformPipeline();
app.MapPlatformEndpoints();

app.Run();
return 0;

public partial class Program;
