using YamlDotNet.RepresentationModel;
using static Emiss.Reporting.HepData.HepDataYaml;

namespace Emiss.Reporting.HepData;

/// <summary>Data tables of curves on one abscissa (projected limits, the dark-matter plane), with the band edges as signed asymmetric errors.</summary>
public static class HepDataCurveTable
{
    /// <summary>The table: <paramref name="xName"/> [<paramref name="xUnits"/>] as the independent variable, one dependent per curve.</summary>
    public static YamlMappingNode Build(string xName, string xUnits, IReadOnlyList<double> x, IReadOnlyList<HepDataCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(curves);
        var dependents = curves.Select(c =>
        {
            if (c.Value.Length != x.Count) throw new ArgumentException($"curve '{c.Name}' has {c.Value.Length} values for {x.Count} points", nameof(curves));
            var values = Enumerable.Range(0, x.Count).Select(i =>
            {
                double v = c.Value[i];
                if (!double.IsFinite(v)) return (YamlNode)Map(("value", Text("-")));
                var errors = new List<YamlNode>();
                if (c.Minus1 is { } m1 && c.Plus1 is { } p1 && double.IsFinite(m1[i]) && double.IsFinite(p1[i])) errors.Add(Asym(m1[i] - v, p1[i] - v, "1 sigma"));
                if (c.Minus2 is { } m2 && c.Plus2 is { } p2 && double.IsFinite(m2[i]) && double.IsFinite(p2[i])) errors.Add(Asym(m2[i] - v, p2[i] - v, "2 sigma"));
                return errors.Count == 0 ? Map(("value", Number(v))) : Map(("value", Number(v)), ("errors", Seq(errors)));
            });
            return (YamlNode)Variable(c.Name, null, values, [.. c.Qualifiers]);
        });
        return Table([Variable(xName, xUnits, x.Select(v => (YamlNode)Map(("value", Number(v)))))], dependents.ToList());
    }
}
