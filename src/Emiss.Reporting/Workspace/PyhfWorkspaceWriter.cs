using System.Globalization;
using System.Text;
using System.Text.Json;
using Emiss.Core.IO;
using Emiss.Reporting.Report;

namespace Emiss.Reporting.Workspace;

/// <summary>
/// The counting model of the analysis as a pyhf HistFactory JSON workspace, schema 1.0.0 (L. Heinrich, M. Feickert,
/// G. Stark, K. Cranmer, JOSS 6 (2021) 2823; ATLAS, ATL-PHYS-PUB-2019-029), so the limits can be recomputed with
/// <c>pyhf cls</c>. Layout (docs/physics/formats.md#pyhf-workspace):
/// <list type="bullet">
/// <item>one channel per run with one bin (the signal box);</item>
/// <item>per mass a signal sample <c>signal_mA{m}MeV</c> scaled by its own normfactor <c>mu_mA{m}MeV</c>, holding the
/// selected signal at a reference ε chosen so that the runs together expect <see cref="ReferenceSignalEvents"/>
/// events; the signal-yield systematic is a normsys <c>signal_yield</c> and the EOT uncertainty the <c>lumi</c>
/// modifier, both common to the runs;</item>
/// <item>the background sample per run: the sum over sources, with the quadrature sum of their MC statistical
/// uncertainties as staterror and of their systematic uncertainties as a histosys (linear, so a large relative
/// uncertainty needs no clipping), uncorrelated between runs;</item>
/// <item>one measurement per mass: its μ is the POI, every other mass's μ fixed at 0, so exactly one signal hypothesis
/// is active.</item>
/// </list>
/// pyhf's schema allows no extra fields, so provenance and the μ → ε map go to a sidecar <see cref="ProvenanceFileName"/>.
/// </summary>
public static class PyhfWorkspaceWriter
{
    /// <summary>File name of the workspace.</summary>
    public const string FileName = "workspace.json";

    /// <summary>File name of the sidecar with provenance and the reference ε per measurement.</summary>
    public const string ProvenanceFileName = "workspace.provenance.json";

    /// <summary>Selected signal events (summed over runs) at the reference ε of each mass: O(10) keeps μ₉₀ within pyhf's default POI bounds [0, 10].</summary>
    public const double ReferenceSignalEvents = 10;

    /// <summary>The measurements (one per mass with a non-zero signal), in mass order.</summary>
    public static IReadOnlyList<PyhfMeasurement> Measurements(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var list = new List<PyhfMeasurement>();
        foreach (double m in result.Masses)
        {
            double perEps2 = result.Runs.Sum(r => result.SignalOf(r.Name, m).SelectedAt(1.0));
            // Above the kinematic threshold (or with zero efficiency) there is no signal to scale: no hypothesis to test.
            if (!(perEps2 > 0)) continue;
            string tag = "mA" + Number(m) + "MeV";
            list.Add(new PyhfMeasurement(tag, m, "mu_" + tag, "signal_" + tag, Math.Sqrt(ReferenceSignalEvents / perEps2)));
        }
        return list;
    }

    /// <summary>Writes <see cref="FileName"/> and <see cref="ProvenanceFileName"/> into <paramref name="directory"/>, each atomically.</summary>
    public static void Write(string directory, AnalysisResult result, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        string json = Format(result);
        string sidecar = FormatProvenance(result, provenance);
        AtomicFile.WriteText(Path.Combine(directory, ProvenanceFileName), sidecar);
        AtomicFile.WriteText(Path.Combine(directory, FileName), json);
    }

    /// <summary>The workspace JSON text.</summary>
    public static string Format(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Validate();
        IReadOnlyList<PyhfMeasurement> measurements = Measurements(result);
        if (measurements.Count == 0) throw new ArgumentException("no mass has a non-zero signal: a workspace needs at least one measurement");
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("channels");
            foreach (RunSummary run in result.Runs) WriteChannel(w, result, run, measurements);
            w.WriteEndArray();
            w.WriteStartArray("measurements");
            foreach (PyhfMeasurement m in measurements) WriteMeasurement(w, result, m, measurements);
            w.WriteEndArray();
            w.WriteStartArray("observations");
            foreach (RunSummary run in result.Runs)
            {
                w.WriteStartObject();
                w.WriteString("name", run.Name);
                w.WriteStartArray("data");
                w.WriteNumberValue(result.ObservedOf(run.Name));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("version", "1.0.0");
            w.WriteEndObject();
        });
    }

    /// <summary>The sidecar JSON: provenance, the reference signal, and per measurement its mass, POI and reference ε.</summary>
    public static string FormatProvenance(AnalysisResult result, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        IReadOnlyList<PyhfMeasurement> measurements = Measurements(result);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("describes", FileName);
            w.WriteString("format", "pyhf HistFactory JSON workspace, schema 1.0.0");
            w.WriteStartObject("provenance");
            foreach (var kv in provenance.ToKeyValues()) w.WriteString(kv.Key, kv.Value);
            w.WriteEndObject();
            w.WriteNumber("reference_signal_events", ReferenceSignalEvents);
            w.WriteString("epsilon_from_mu", "epsilon = epsilon_ref * sqrt(mu)");
            w.WriteStartArray("measurements");
            foreach (PyhfMeasurement m in measurements)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteNumber("mA_MeV", m.MassMeV);
                w.WriteString("poi", m.Poi);
                w.WriteString("signal_sample", m.SignalSample);
                w.WriteNumber("epsilon_ref", m.ReferenceEpsilon);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteChannel(Utf8JsonWriter w, AnalysisResult result, RunSummary run, IReadOnlyList<PyhfMeasurement> measurements)
    {
        w.WriteStartObject();
        w.WriteString("name", run.Name);
        w.WriteStartArray("samples");
        foreach (PyhfMeasurement m in measurements)
        {
            Sample(w, m.SignalSample, result.SignalOf(run.Name, m.MassMeV).SelectedAt(m.ReferenceEpsilon));
            NullModifier(w, m.Poi, "normfactor");
            if (result.Systematics.SignalYieldRelative > 0)
            {
                double s = result.Systematics.SignalYieldRelative;
                StartModifier(w, "signal_yield", "normsys");
                w.WriteStartObject("data");
                w.WriteNumber("hi", 1 + s);
                w.WriteNumber("lo", 1 - s);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            if (result.Systematics.EotRelative > 0) NullModifier(w, "lumi", "lumi");
            EndSample(w);
        }
        BackgroundSample(w, result, run);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void BackgroundSample(Utf8JsonWriter w, AnalysisResult result, RunSummary run)
    {
        BackgroundEstimate[] sources = result.Backgrounds.Where(b => b.Run == run.Name).ToArray();
        double b = sources.Sum(s => s.Expected);
        double stat = Math.Sqrt(sources.Sum(s => s.StatError * s.StatError));
        double syst = Math.Sqrt(sources.Sum(s => s.SystError * s.SystError));
        // pyhf's staterror is relative to the nominal yield: it is undefined for an empty background.
        if (b == 0 && stat > 0) throw new ArgumentException($"run '{run.Name}': background 0 with a statistical uncertainty cannot be a staterror");
        Sample(w, "background", b);
        if (stat > 0)
        {
            StartModifier(w, "staterror_" + run.Name, "staterror");
            w.WriteStartArray("data");
            w.WriteNumberValue(stat);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (syst > 0)
        {
            StartModifier(w, "background_syst_" + run.Name, "histosys");
            w.WriteStartObject("data");
            w.WriteStartArray("hi_data");
            w.WriteNumberValue(b + syst);
            w.WriteEndArray();
            w.WriteStartArray("lo_data");
            w.WriteNumberValue(Math.Max(b - syst, 0));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        EndSample(w);
    }

    private static void WriteMeasurement(Utf8JsonWriter w, AnalysisResult result, PyhfMeasurement m, IReadOnlyList<PyhfMeasurement> all)
    {
        w.WriteStartObject();
        w.WriteString("name", m.Name);
        w.WriteStartObject("config");
        w.WriteString("poi", m.Poi);
        w.WriteStartArray("parameters");
        foreach (PyhfMeasurement other in all)
        {
            if (ReferenceEquals(other, m)) continue;
            w.WriteStartObject();
            w.WriteString("name", other.Poi);
            w.WriteStartArray("inits");
            w.WriteNumberValue(0);
            w.WriteEndArray();
            w.WriteBoolean("fixed", true);
            w.WriteEndObject();
        }
        if (result.Systematics.EotRelative > 0)
        {
            // pyhf needs the lumi constraint in the measurement: Gaussian around 1 with the relative EOT uncertainty.
            double s = result.Systematics.EotRelative;
            w.WriteStartObject();
            w.WriteString("name", "lumi");
            Array(w, "auxdata", 1);
            Array(w, "sigmas", s);
            Array(w, "inits", 1);
            w.WriteStartArray("bounds");
            w.WriteStartArray();
            w.WriteNumberValue(Math.Max(1 - 5 * s, 0));
            w.WriteNumberValue(1 + 5 * s);
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Sample(Utf8JsonWriter w, string name, double value)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        Array(w, "data", value);
        w.WriteStartArray("modifiers");
    }

    private static void EndSample(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void StartModifier(Utf8JsonWriter w, string name, string type)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("type", type);
    }

    private static void NullModifier(Utf8JsonWriter w, string name, string type)
    {
        StartModifier(w, name, type);
        w.WriteNull("data");
        w.WriteEndObject();
    }

    private static void Array(Utf8JsonWriter w, string name, double value)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(value);
        w.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A mass in names: shortest round-trip text, invariant culture.</summary>
    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
