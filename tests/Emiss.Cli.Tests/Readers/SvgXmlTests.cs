using System.Xml;
using Emiss.Testing;
using Xunit;

namespace Emiss.Cli.Tests.Readers;

/// <summary>Every SVG that <c>limit</c>, <c>shower</c> and <c>signal</c> write parses as XML (System.Xml) with an &lt;svg&gt; root in the SVG namespace.</summary>
[Collection(SignalOutputsGroup.Name)]
public sealed class SvgXmlTests(SignalOutputs outputs)
{
    private static void AssertWellFormedSvg(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        var doc = new XmlDocument { XmlResolver = null };
        using (XmlReader r = XmlReader.Create(path, settings))
        {
            try
            {
                doc.Load(r);
            }
            catch (XmlException ex)
            {
                Assert.Fail($"{path}: not well-formed XML: {ex.Message}");
            }
        }
        Assert.Equal(("svg", "http://www.w3.org/2000/svg"), (doc.DocumentElement!.LocalName, doc.DocumentElement.NamespaceURI));
    }

    [Fact]
    public void Signal_svgs_parse()
    {
        string[] svgs = [.. Directory.GetFiles(outputs.YieldDir, "*.svg"), .. Directory.GetFiles(outputs.DetectorDir, "*.svg")];
        Assert.Equal(["emiss_m10MeV.svg", "emiss_m10MeV.svg", "emiss_m300MeV.svg"], svgs.Select(Path.GetFileName).Order());
        foreach (string f in svgs) AssertWellFormedSvg(f);
    }

    [Fact]
    public void Shower_and_limit_svgs_parse()
    {
        string dir = TestScratch.NewDirectory("readers-svg");
        try
        {
            var (c1, o1, e1) = EmissProcess.Run("shower", "--energy-GeV", "1", "--events", "20", "--threads", "2", "--out", Path.Combine(dir, "shower"));
            Assert.True(c1 == 0, e1 + o1);
            var (text, _, _) = RunCards.CardLoader.ReadText("na64-2016");
            string card = Path.Combine(dir, "card.yaml");
            File.WriteAllText(card, text.Replace("massGridMeV: \"1:1000:log61\"", "massGridMeV: \"1,10,100\"", StringComparison.Ordinal));
            var (c2, o2, e2) = EmissProcess.Run("limit", "--config", card, "--out", Path.Combine(dir, "limit"));
            Assert.True(c2 == 0, e2 + o2);
            string[] svgs = Directory.GetFiles(dir, "*.svg", SearchOption.AllDirectories);
            Assert.Equal(["dark-matter-plane.svg", "limit.svg", "longitudinal.svg", "radial.svg", "tracklength.svg"], svgs.Select(Path.GetFileName).Order());
            foreach (string f in svgs) AssertWellFormedSvg(f);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
