using Beian.Web.Data;
using Beian.Web.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformLogging();
builder.Services.AddBeianDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPlatformServices(builder.Configuration, builder.Environment);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddWebFrontEnd(builder.Configuration);

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UsePlatformPipeline();
app.MapPlatformEndpoints();

app.Run();

public partial class Program;
