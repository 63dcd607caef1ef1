using Beian.E2E.Infrastructure;

// One platform server and one browser for the whole assembly; each test gets its own
// browser context (cookies), see BrowserTest.
[assembly: AssemblyFixture(typeof(PlatformServer))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
