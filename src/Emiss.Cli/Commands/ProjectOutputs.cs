using System.Globalization;
using Emiss.Analysis.DarkMatter;
using Emiss.Analysis.Limits;
using Emiss.Analysis.Projections;
using Emiss.Cli.RunCards;
using Emiss.Core.IO;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.MuonAnomaly;
using Emiss.Reporting.Figures;
using Emiss.Reporting.HepData;
using Emiss.Reporting.Tables;

namespace Emiss.Cli.Commands;

/// <summary>Writes the outputs of <c>emiss project</c>: projection.csv, the figures (PNG, SVG, PDF, CSV), the HEPData submission and run.yaml.</summary>
internal static class ProjectOutputs
{
    /// <summary>projection.csv: the first ten columns are the contract, the rest extend it.</summary>
    public static readonly string[] Columns =
    [
        "eot", "beam", "E0_GeV", "target", "mA_MeV", "eps90_median", "eps90_minus1", "eps90_plus1", "eps90_minus2", "eps90_plus2",
        "mediator", "n_per_eot_eps1", "n_annihilation_per_eot_eps1", "efficiency", "background_events", "mchi_MeV", "y90_median",
    ];

    /// <summary>Name patterns of everything written (a directory holding only these may be replaced).</summary>
    // The HEPData submission lies flat in the directory (submission.yaml and hepdata_*.yaml): a finished run replaces
    // the directory as a unit, and StagedDirectory replaces files only.
    public static readonly string[] FileNames = ["projection.csv", "run.yaml", "projection_*", "mediators_*", "dark_matter_*", "annihilation_*", "submission.yaml", "hepdata_*.yaml"];

    public static void Write(string dir, ProjectionRequest request, ProjectionResult result, LimitCard card, YieldTableCache cache, Provenance provenance)
    {
        var inv = CultureInfo.InvariantCulture;
        double alphaD = request.Yields.AlphaDark, ratio = request.Yields.ChiMassRatio;
        CsvTableWriter.Write(Path.Combine(dir, "projection.csv"), provenance, Columns, result.Points.Select(p => (IReadOnlyList<object?>)
        [
            p.ElectronsOnTarget, p.Setting.Particle.Label(), p.Setting.EnergyGeV, p.Setting.Target.Name, p.MassMeV,
            p.Eps90.Median, p.Eps90.Minus1Sigma, p.Eps90.Plus1Sigma, p.Eps90.Minus2Sigma, p.Eps90.Plus2Sigma,
            ModelNames.Word(p.Setting.Mediator), p.YieldPerEotEps1, p.AnnihilationPerEotEps1, p.Efficiency, p.ExpectedBackground,
            DarkMatterCoupling.ChiMass(p.MassMeV, ratio), DarkMatterCoupling.Y(p.Eps90.Median, alphaD, ratio),
        ]));

        double[] eots = [.. request.ElectronsOnTarget.Order()];
        LimitRequest cardRequest = LimitCardRequest.From(card);
        var measurement = cardRequest.GMinus2;
        var hepTables = new List<HepDataTable>();
        foreach (var group in request.Settings.GroupBy(s => (s.Particle, s.EnergyGeV, s.Target.Name)))
        {
            string setup = $"{Slug(group.Key.Particle)}_{group.Key.EnergyGeV.ToString("G4", inv)}GeV_{group.Key.Name}";
            var perMediator = new List<(ProjectionSetting, ProjectionPoint[])>();
            foreach (ProjectionSetting s in group)
            {
                ProjectionPoint[] pts = result.Points.Where(p => p.Setting == s).ToArray();
                ExclusionScanResult reference = Reference(request, cardRequest, s.Mediator, cache, provenance);
                GMinus2Band band = GMinus2Band.For(s.Mediator, measurement, pts.Where(p => p.ElectronsOnTarget == eots[0]).Select(p => p.MassMeV).ToArray());
                string caption = Caption(s, request, result.Tables[Array.IndexOf(request.Settings.ToArray(), s)]);
                string stem = $"{setup}_{ModelNames.Word(s.Mediator)}";
                PublicationFigure.Write(ProjectFigures.Setting(s, pts, eots, reference, band, caption), provenance, Path.Combine(dir, "projection_" + stem));
                perMediator.Add((s, pts.Where(p => p.ElectronsOnTarget == eots[^1]).ToArray()));
                hepTables.Add(LimitTable(stem, s, pts, eots));
                if (s.Mediator != Mediator.Vector) continue;
                PublicationFigure.Write(ProjectFigures.DarkMatter(pts, eots, reference, alphaD, ratio, caption), provenance, Path.Combine(dir, "dark_matter_" + setup));
                hepTables.Add(DarkMatterTable(setup, s, pts, eots, alphaD, ratio));
                if (s.Particle == BeamParticle.Electron && request.Yields.ShowerAnnihilation)
                    PublicationFigure.Write(ProjectFigures.Annihilation(perMediator[^1].Item2, caption), provenance, Path.Combine(dir, "annihilation_" + setup));
            }
            if (perMediator.Count > 1)
                PublicationFigure.Write(ProjectFigures.Mediators(perMediator, eots[^1], $"{group.Key.Particle.Label()} {group.Key.EnergyGeV:G4} GeV, {group.Key.Name}\n{request.Background.ShortLabel()}"),
                    provenance, Path.Combine(dir, "mediators_" + setup));
        }
        foreach (var (name, text) in HepDataSubmission.Format(
            "Projected 90% CL expected upper limits of a missing-energy search with the NA64 method (Emiss projection; not measured data).", hepTables, provenance.ToCommentBlock()))
            AtomicFile.WriteText(Path.Combine(dir, name), text);
        AtomicFile.WriteText(Path.Combine(dir, "run.yaml"), provenance.ToCommentBlock() + CardLoader.ToYaml(card));
    }

    /// <summary>The reproduced 2016 limit for <paramref name="mediator"/>: the card's inputs on the yield table of the card's own beam and target.</summary>
    private static ExclusionScanResult Reference(ProjectionRequest request, LimitRequest card, Mediator mediator, YieldTableCache cache, Provenance provenance)
    {
        var setting = new ProjectionSetting(BeamParticle.Electron, card.Beam.InGeV, card.Target, mediator);
        return ReferenceLimit.Observed(card, ProjectionComputation.Table(setting, request.Yields, cache, provenance).Table);
    }

    private static string Caption(ProjectionSetting s, ProjectionRequest r, YieldTable t)
    {
        string yieldText = r.Yields.Method == YieldMethod.Analytic ? "analytic yield" : "shower-MC yield";
        string annihilation = t.Annihilation.Any(a => a > 0) ? " + annihilation" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{s.Particle.Label()} {s.EnergyGeV:G4} GeV, {s.Target.Name}, {ModelNames.Word(s.Mediator)}, {yieldText}{annihilation}\n{r.Background.ShortLabel()}");
    }

    private static HepDataTable LimitTable(string stem, ProjectionSetting s, ProjectionPoint[] pts, double[] eots)
    {
        double[] m = pts.Where(p => p.ElectronsOnTarget == eots[0]).Select(p => p.MassMeV).ToArray();
        var curves = eots.Select(e =>
        {
            var q = pts.Where(p => p.ElectronsOnTarget == e).Select(p => p.Eps90).ToArray();
            return new HepDataCurve("epsilon", Qualifiers(s, e), q.Select(b => b.Median).ToArray(), q.Select(b => b.Minus1Sigma).ToArray(), q.Select(b => b.Plus1Sigma).ToArray(),
                q.Select(b => b.Minus2Sigma).ToArray(), q.Select(b => b.Plus2Sigma).ToArray());
        }).ToArray();
        return new HepDataTable($"hepdata_projection_{stem}.yaml", $"Projected limit on epsilon, {s.Particle.Label()} {s.EnergyGeV:G4} GeV, {s.Target.Name}, {ModelNames.Word(s.Mediator)}",
            "Expected 90% CL upper limits on the coupling versus the mediator mass (median with ±1σ, ±2σ), per exposure.", "EPSILON", Reaction(s),
            HepDataCurveTable.Build("m(A')", "MeV", m, curves));
    }

    private static HepDataTable DarkMatterTable(string setup, ProjectionSetting s, ProjectionPoint[] pts, double[] eots, double alphaD, double ratio)
    {
        double[] mchi = pts.Where(p => p.ElectronsOnTarget == eots[0]).Select(p => DarkMatterCoupling.ChiMass(p.MassMeV, ratio)).ToArray();
        var curves = eots.Select(e =>
        {
            var q = pts.Where(p => p.ElectronsOnTarget == e).Select(p => p.Eps90.Map(x => DarkMatterCoupling.Y(x, alphaD, ratio))).ToArray();
            return new HepDataCurve("y", [.. Qualifiers(s, e), ("alpha_D", alphaD.ToString("G4", CultureInfo.InvariantCulture)), ("m(A')/m(chi)", (1 / ratio).ToString("G4", CultureInfo.InvariantCulture))],
                q.Select(b => b.Median).ToArray(), q.Select(b => b.Minus1Sigma).ToArray(), q.Select(b => b.Plus1Sigma).ToArray(), q.Select(b => b.Minus2Sigma).ToArray(), q.Select(b => b.Plus2Sigma).ToArray());
        }).ToArray();
        return new HepDataTable($"hepdata_dark_matter_{setup}.yaml", $"Projected limit on y, {s.Particle.Label()} {s.EnergyGeV:G4} GeV, {s.Target.Name}",
            "Expected 90% CL upper limits on y = epsilon^2 alpha_D (m_chi/m_A')^4 versus m_chi for A' -> chi chibar (median with ±1σ, ±2σ), per exposure.", "Y", Reaction(s),
            HepDataCurveTable.Build("m(chi)", "MeV", mchi, curves));
    }

    private static (string, string)[] Qualifiers(ProjectionSetting s, double eot) =>
    [
        ("CL", "90%"), ("Limit", "Expected"), ("EOT", eot.ToString("G4", CultureInfo.InvariantCulture)),
        ("Beam", $"{s.Particle.Label()} {s.EnergyGeV.ToString("G4", CultureInfo.InvariantCulture)} GeV"), ("Target", s.Target.Name), ("Mediator", ModelNames.Word(s.Mediator)),
    ];

    private static string Reaction(ProjectionSetting s) => s.Particle == BeamParticle.Electron ? "E- NUCLEUS --> E- NUCLEUS A'" : "E+ NUCLEUS --> E+ NUCLEUS A'";

    private static string Slug(BeamParticle p) => p == BeamParticle.Electron ? "eminus" : "eplus";
}
