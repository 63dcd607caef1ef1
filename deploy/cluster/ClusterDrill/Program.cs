// deploy/cluster/test runs this against the cluster of deploy/cluster/up:
//   dotnet ClusterDrill.dll --ctl deploy/cluster/ctl --state /tmp/beian-cluster
// Prints a table (check, result, measurement), the throughput table, and "N passed, N failed";
// exits 1 when a check failed.
using Beian.ClusterDrill;

var ctl = Argument("--ctl") ?? throw new ArgumentException("--ctl <path of deploy/cluster/ctl> is required");
var state = Argument("--state") ?? "/tmp/beian-cluster";
var cluster = new Cluster(Path.GetFullPath(ctl), state);
static void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

var drills = new Drills(cluster, Log);
try
{
    await drills.SetUpAsync(applicants: 4);
}
catch (Exception e)
{
    Console.WriteLine($"setting up the drill failed: {e.Message}");
    Console.WriteLine("0 passed, 1 failed");
    return 1;
}
List<string> throughput = [];
await drills.RunAsync("(a) node killed (SIGKILL) under load", drills.KillNodeAsync);
await drills.RunAsync("(c) parallel approvals on 3 nodes", drills.ParallelApprovalsAsync);
await drills.RunAsync("(d) object store stopped", drills.ObjectStoreAsync);
await drills.RunAsync("(e) public-query throughput", async () =>
{
    var (check, table) = await drills.ThroughputAsync(connections: 16, duration: TimeSpan.FromSeconds(4));
    throughput = table;
    return check;
});
await drills.RunAsync("(b) primary stopped, standby promoted", drills.FailoverAsync);
await drills.RunAsync("(f) base backup + WAL, point-in-time restore", drills.BackupRestoreAsync);

Console.WriteLine();
Console.WriteLine("| check | result | measurement |");
Console.WriteLine("|---|---|---|");
foreach (var check in drills.Checks) Console.WriteLine($"| {check.Name} | {(check.Passed ? "PASS" : "FAIL")} | {check.Measurement} |");
if (throughput.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("Public query through haproxy (16 connections, 4 s each):");
    Console.WriteLine("| nodes | req/s | p50 ms | p99 ms | failures | CPU busy |");
    Console.WriteLine("|---|---|---|---|---|---|");
    throughput.ForEach(Console.WriteLine);
}
var passed = drills.Checks.Count(c => c.Passed);
Console.WriteLine();
Console.WriteLine($"{passed} passed, {drills.Checks.Count - passed} failed");
return passed == drills.Checks.Count ? 0 : 1;

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
