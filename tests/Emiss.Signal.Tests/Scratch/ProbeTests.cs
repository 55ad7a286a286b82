using Emiss.Signal.Run;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Signal.Tests.Scratch;

public sealed class ProbeTests(SignalFixture fx, ITestOutputHelper o) : IClassFixture<SignalFixture>
{
    [Fact]
    public void Probe()
    {
        foreach (var (mode, n) in new[] { (SignalMode.Yield, 65536), (SignalMode.Detector, 1500) })
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var r = SignalRunner.Run(fx.Tables10MeV, fx.Lead, new SignalOptions { Mode = mode, BiasFactor = 1 }, n, 5, threads: 2);
            double T(IReadOnlyList<double> h, int a) => h.Skip(a).Take(2).Sum() / 2 / 0.5612;
            o.WriteLine($"{mode} {sw.ElapsedMilliseconds} ms steps {r.ChargedStepsPerEvent:F1}: T+ 50-52 {T(r.PositronTrackLengthCmPerEot, 0):E3} 60-62 {T(r.PositronTrackLengthCmPerEot, 10):E3} 80-82 {T(r.PositronTrackLengthCmPerEot, 30):E3}; T 50-52 {T(r.TrackLengthCmPerEot, 0):E3} 60-62 {T(r.TrackLengthCmPerEot, 10):E3}; total {r.TrackLengthCmPerEot.Sum() / 0.5612:F4}; est {r.Estimator.Value:E4}±{r.Estimator.StatError:E1}");
        }
    }
}
