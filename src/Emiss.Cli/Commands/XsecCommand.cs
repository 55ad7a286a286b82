using System.CommandLine;
using Emiss.Core.IO;
using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Reporting.Tables;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>emiss xsec</c>: A′-strahlung cross sections per atom as CSV (contract columns
/// model,method,target,E0_GeV,mA_MeV,eps,sigma_pb; '#' provenance lines before the header).
/// </summary>
internal static class XsecCommand
{
    public static readonly string[] Columns = ["model", "method", "target", "E0_GeV", "mA_MeV", "eps", "sigma_pb", "x_min"];

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Mediator: vector | scalar | pseudoscalar | axial", DefaultValueFactory = _ => "vector" };
        var method = new Option<string>("--method") { Description = "Production approximation: ww | iww | etl", DefaultValueFactory = _ => "etl" };
        var target = new Option<string>("--target") { Description = "Target element (Pb, W, Fe, Cu)", DefaultValueFactory = _ => "Pb" };
        var energy = new Option<string>("--energy-GeV") { Description = "Lepton energy E0 in GeV: a value, list or range (e.g. 100 or 20,50,100); each in (0, 10000]", DefaultValueFactory = _ => "100" };
        var mass = new Option<string>("--mass-MeV") { Description = "A′ masses in MeV: list (1,10,100) or range (1:1000:log40); each > 0 (σ = 0 where m_A′ ≥ E0)", Required = true };
        var eps = NumericOption.Real("--eps", "Kinetic-mixing coupling ε (σ ∝ ε²)", 1e-4, Interval.Open(0, 1));
        var xMin = NumericOption.Real("--x-min", "Only count x = E_A′/E0 above this (0 = total cross section)", 0.0, Interval.RightOpen(0, 1));
        var output = new Option<string?>("--out") { Description = "Write the CSV to this file (atomically) instead of standard output" };
        var cmd = new Command("xsec", "A′-strahlung cross section e⁻Z → e⁻ZA′ per atom, as CSV.") { model, method, target, energy, mass, eps, xMin, output };
        cmd.SetAction(pr => CliErrors.Run(pr, () =>
        {
            Mediator med = ModelNames.Mediator(pr.GetValue(model)!);
            ProductionApproximation approx = ModelNames.Approximation(pr.GetValue(method)!);
            Material mat = UserInput.Resolve("--target", () => MaterialCatalog.ByName(pr.GetValue(target)!));
            UserInput.Require(mat.IsElement, "--target", $"'{mat.Name}' is a compound", "cross sections are per atom of one element: use Pb, W, Fe or Cu");
            double[] energies = UserInput.Resolve("--energy-GeV", () => ValueGrid.Parse(pr.GetValue(energy)!, "--energy-GeV"));
            double[] masses = UserInput.Resolve("--mass-MeV", () => ValueGrid.Parse(pr.GetValue(mass)!, "--mass-MeV"));
            double epsilon = pr.GetValue(eps), xm = pr.GetValue(xMin);
            UserInput.Require(energies.All(e => e is > 0 and <= 1e4), "--energy-GeV", "energies must be in (0, 10000] GeV", "e.g. --energy-GeV 100");
            UserInput.Require(masses.All(m => m > 0), "--mass-MeV", "masses must be positive", "e.g. --mass-MeV 1:1000:log40");

            string? path = pr.GetValue(output) is { } o ? UserInput.OutputFile("--out", o) : null;

            IDarkProductionModel m = DarkProductionModels.Create(med, approx);
            ElementComponent element = mat.Elements[0];
            var points = (from e in energies from mm in masses select (E: e, M: mm)).ToArray();
            var sigmaPb = new double[points.Length];
            // Each point is independent and deterministic, so the parallel loop gives the same table as a serial one.
            Parallel.For(0, points.Length, i =>
            {
                var (e, mMeV) = points[i];
                var p = new DarkParameters(Mass.FromMeV(mMeV), epsilon);
                sigmaPb[i] = mMeV * 1e-3 >= e ? 0.0
                    : (xm > 0 ? m.CrossSectionAbove(element, Energy.FromGeV(e), xm, p) : m.TotalCrossSection(element, Energy.FromGeV(e), p)).InPb;
            });
            var rows = points.Select((pt, i) => (IReadOnlyList<object?>)
                [ModelNames.Word(med), ModelNames.Word(approx), mat.Name, pt.E, pt.M, epsilon, sigmaPb[i], xm]).ToList();
            Provenance provenance = new Provenance("emiss " + string.Join(' ', pr.Tokens.Select(t => t.Value)), null, "")
                .WithNotes($"production: {m.Description}");
            if (path is null) Console.Out.Write(CsvTableWriter.Format(provenance, Columns, rows));
            else CsvTableWriter.Write(path, provenance, Columns, rows);
            return 0;
        }));
        return cmd;
    }
}
