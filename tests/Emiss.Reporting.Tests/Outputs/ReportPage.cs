using System.Text.Json;
using Emiss.Reporting.Report;
using Emiss.Testing;
using PuppeteerSharp;
using SkiaSharp;
using Xunit;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>What the browser saw of the report: console errors, requests, the numbers in the DOM, the figures and their pixels.</summary>
internal sealed record PageSnapshot(
    string Html,
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> Requests,
    IReadOnlyList<(string Key, string Value, string Text)> Numbers,
    IReadOnlyList<(string Id, bool Complete, int NaturalWidth, double Width, double Height, double InkFraction, int Colours)> Figures,
    IReadOnlyDictionary<string, string?> Ids,
    IReadOnlyList<string> ExternalAttributes);

/// <summary>Loads the report of <see cref="OutputFixtures.Result"/> once in headless chromium (PuppeteerSharp, the system executable, no download).</summary>
public sealed class ReportPage : IAsyncLifetime
{
    private static readonly string[] ProvenanceIds =
        ["version", "commit", "seed", "command", "rng-scheme", "unblinding-who", "unblinding-when", "unblinding-reason", "unblinding-hash", "run-card",
         "gm2-text", "gm2-text-scalar", "gm2-text-pseudoscalar", "gm2-era", "gm2-era-scalar"];

    private readonly Lazy<Task<PageSnapshot>> _snapshot = new(Load);

    internal Task<PageSnapshot> Snapshot => _snapshot.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<PageSnapshot> Load()
    {
        string exe = Chromium.Executable() ?? throw new Xunit.Sdk.XunitException(Chromium.Hint);
        string dir = TestScratch.NewDirectory("report");
        try
        {
            string path = HtmlReportWriter.Write(dir, OutputFixtures.Result(), OutputFixtures.Provenance);
            var options = new LaunchOptions
            {
                Headless = true,
                ExecutablePath = exe,
                // Root in a container has no user namespace for the sandbox; the page is our own file.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                Timeout = 60_000,
            };
            await using IBrowser browser = await Puppeteer.LaunchAsync(options);
            await using IPage page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1300, Height = 900 });
            var errors = new List<string>();
            var requests = new List<string>();
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) lock (errors) errors.Add(e.Message.Text); };
            page.PageError += (_, e) => { lock (errors) errors.Add(e.Message); };
            page.Request += (_, e) => { lock (requests) requests.Add(e.Request.Url); };
            IResponse response = await page.GoToAsync(new Uri(path).AbsoluteUri, WaitUntilNavigation.Load);
            Assert.True(response.Ok, $"loading {path}: HTTP-like status {response.Status}");
            string json = await page.EvaluateExpressionAsync<string>(
                "JSON.stringify({" +
                "numbers: [...document.querySelectorAll('[data-key]')].map(e => [e.dataset.key, e.dataset.value, e.textContent])," +
                "images: [...document.querySelectorAll('figure img')].map(i => [i.closest('figure').id, i.complete, i.naturalWidth, i.getBoundingClientRect().width, i.getBoundingClientRect().height])," +
                "ids: Object.fromEntries(" + JsonSerializer.Serialize(ProvenanceIds) + ".map(id => [id, document.getElementById(id)?.textContent ?? null]))," +
                "external: [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') ?? e.getAttribute('href')).filter(u => !u.startsWith('data:') && !u.startsWith('#'))" +
                "})");
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            var numbers = root.GetProperty("numbers").EnumerateArray().Select(a => (a[0].GetString()!, a[1].GetString()!, a[2].GetString()!)).ToArray();
            var figures = new List<(string, bool, int, double, double, double, int)>();
            IElementHandle[] images = await page.QuerySelectorAllAsync("figure img");
            JsonElement[] meta = [.. root.GetProperty("images").EnumerateArray()];
            for (int i = 0; i < images.Length; i++)
            {
                byte[] png = await images[i].ScreenshotDataAsync();
                var (ink, colours) = Ink(png);
                figures.Add((meta[i][0].GetString()!, meta[i][1].GetBoolean(), meta[i][2].GetInt32(), meta[i][3].GetDouble(), meta[i][4].GetDouble(), ink, colours));
            }
            var ids = root.GetProperty("ids").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString());
            string[] external = [.. root.GetProperty("external").EnumerateArray().Select(e => e.GetString()!)];
            return new PageSnapshot(File.ReadAllText(path), errors, requests, numbers, figures, ids, external);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>Fraction of pixels that are not near-white, and the number of distinct colours (a blank or broken image has ~0 and 1–2).</summary>
    private static (double Ink, int Colours) Ink(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("screenshot is not a PNG");
        int ink = 0;
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235) ink++;
            }
        return ((double)ink / (bitmap.Width * bitmap.Height), colours.Count);
    }
}
