using Emiss.Reporting.Report;
using YamlDotNet.RepresentationModel;
using static Emiss.Reporting.HepData.HepDataYaml;

namespace Emiss.Reporting.HepData;

/// <summary>The data tables of the HEPData submission (independent and dependent variables, HEPData data format 1.1.1).</summary>
internal static class HepDataTables
{
    /// <summary>ε₉₀ versus mass: observed; expected median with asymmetric "1 sigma" and "2 sigma" errors (signed, as HEPData expects).</summary>
    public static YamlMappingNode Limit(AnalysisResult r) => Limit(r.Limit, "m(A')", "epsilon");

    /// <summary>A limit curve (<paramref name="rows"/>) with the independent variable <paramref name="xName"/> [MeV] and the
    /// dependent <paramref name="yName"/>: observed, and the expected median with its bands; extra qualifiers on both.</summary>
    public static YamlMappingNode Limit(IReadOnlyList<LimitRow> rows, string xName, string yName, params (string Name, string Value)[] qualifiers)
    {
        var observed = rows.Select(l => (YamlNode)Map(("value", ValueOrDash(l.Observed))));
        var expected = rows.Select(l =>
        {
            if (!double.IsFinite(l.ExpectedMedian)) return (YamlNode)Map(("value", Text("-")));
            var errors = new List<YamlNode>();
            if (double.IsFinite(l.ExpectedMinus1Sigma) && double.IsFinite(l.ExpectedPlus1Sigma))
                errors.Add(Asym(l.ExpectedMinus1Sigma - l.ExpectedMedian, l.ExpectedPlus1Sigma - l.ExpectedMedian, "1 sigma"));
            if (double.IsFinite(l.ExpectedMinus2Sigma) && double.IsFinite(l.ExpectedPlus2Sigma))
                errors.Add(Asym(l.ExpectedMinus2Sigma - l.ExpectedMedian, l.ExpectedPlus2Sigma - l.ExpectedMedian, "2 sigma"));
            return errors.Count == 0 ? Map(("value", Number(l.ExpectedMedian))) : Map(("value", Number(l.ExpectedMedian)), ("errors", Seq(errors)));
        });
        return Table(
            [Variable(xName, "MeV", rows.Select(l => (YamlNode)Map(("value", Number(l.MassMeV)))))],
            [
                Variable(yName, null, observed, [("CL", "90%"), ("Limit", "Observed"), .. qualifiers]),
                Variable(yName, null, expected, [("CL", "90%"), ("Limit", "Expected"), .. qualifiers]),
            ]);
    }

    /// <summary>Per cut (independent) the events and the efficiency of every (run, sample); "-" where a sample has no such cut.</summary>
    public static YamlMappingNode CutFlow(AnalysisResult r)
    {
        string[] cuts = r.CutFlow.Select(c => c.Cut).Distinct(StringComparer.Ordinal).ToArray();
        var keys = r.CutFlow.Select(c => (c.Run, c.Sample)).Distinct().ToArray();
        var dependents = new List<YamlNode>();
        foreach (var (run, sample) in keys)
        {
            CutFlowRow?[] rows = cuts.Select(cut => r.CutFlow.FirstOrDefault(c => c.Run == run && c.Sample == sample && c.Cut == cut)).ToArray();
            dependents.Add(Variable("Events", null, rows.Select(c => (YamlNode)Map(("value", c is null ? Text("-") : Number(c.Events)))), ("Run", run), ("Sample", sample)));
            dependents.Add(Variable("Efficiency", null, rows.Select(c => (YamlNode)Map(("value", c is null ? Text("-") : Number(c.Efficiency)))), ("Run", run), ("Sample", sample)));
        }
        return Table([Variable("Cut", null, cuts.Select(c => (YamlNode)Map(("value", Text(c)))))], dependents);
    }

    /// <summary>Per source (independent) the expected events in each run with "stat" and "sys" symmetric errors.</summary>
    public static YamlMappingNode Backgrounds(AnalysisResult r)
    {
        string[] sources = r.Backgrounds.Select(b => b.Source).Distinct(StringComparer.Ordinal).ToArray();
        var dependents = new List<YamlNode>();
        foreach (RunSummary run in r.Runs)
        {
            var values = sources.Select(s => r.Backgrounds.FirstOrDefault(b => b.Run == run.Name && b.Source == s)).Select(b => b is null
                ? (YamlNode)Map(("value", Text("-")))
                : Map(("value", Number(b.Expected)), ("errors", Seq([Sym(b.StatError, "stat"), Sym(b.SystError, "sys")]))));
            dependents.Add(Variable("Expected events in the signal box", null, values, ("Run", run.Name), ("EOT", HepDataYaml.Format(run.ElectronsOnTarget))));
        }
        return Table([Variable("Source", null, sources.Select(s => (YamlNode)Map(("value", Text(s)))))], dependents);
    }

    /// <summary>Per mass (independent) each efficiency factor and the overall efficiency of every run.</summary>
    public static YamlMappingNode Efficiency(AnalysisResult r)
    {
        double[] masses = r.Efficiencies.Select(e => e.MassMeV).Distinct().Order().ToArray();
        var dependents = new List<YamlNode>();
        foreach (RunSummary run in r.Runs)
        {
            EfficiencyRow?[] rows = masses.Select(m => r.Efficiencies.FirstOrDefault(e => e.Run == run.Name && e.MassMeV.Equals(m))).ToArray();
            string[] factors = rows.OfType<EfficiencyRow>().SelectMany(e => e.Factors.Select(f => f.Name)).Distinct(StringComparer.Ordinal).ToArray();
            foreach (string f in factors)
                dependents.Add(Variable("Efficiency", null,
                    rows.Select(e => e?.Factors.FirstOrDefault(x => x.Name == f) is { } x ? (YamlNode)Map(("value", Number(x.Value))) : Map(("value", Text("-")))),
                    ("Run", run.Name), ("Factor", f)));
            if (factors.Length > 0)
                dependents.Add(Variable("Efficiency", null,
                    rows.Select(e => e is null ? (YamlNode)Map(("value", Text("-"))) : Map(("value", Number(e.Overall)))),
                    ("Run", run.Name), ("Factor", "overall")));
        }
        return Table([Variable("m(A')", "MeV", masses.Select(m => (YamlNode)Map(("value", Number(m)))))], dependents);
    }
}
