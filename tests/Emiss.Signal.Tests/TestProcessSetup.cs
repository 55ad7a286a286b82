using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Emiss.Testing;

namespace Emiss.Signal.Tests;

/// <summary>Runs before any test of this assembly: the process gets its own disk cache folder (<see cref="TestCacheDirectory"/>).</summary>
internal static class TestProcessSetup
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly must set its cache folder before any test touches the shower library cache.")]
    internal static void UseTemporaryCacheDirectory() => TestCacheDirectory.Install();
}
