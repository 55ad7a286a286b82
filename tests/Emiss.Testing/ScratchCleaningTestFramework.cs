using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Emiss.Testing;

/// <summary>
/// xunit's own test framework with one step added: after the last test of the assembly and before the run is reported
/// finished, the test process's scratch root (<see cref="TestScratch"/>) is removed. Registered for every test project in
/// the repository's Directory.Build.props. The process-exit handler alone left the root behind now and then (the CLI
/// tests' ≈ 250 folders, 40 MB): once a test host has reported its results, the test platform ends the session and kills
/// the host if it has not exited 100 ms later (VSTest's <c>VSTEST_TESTHOST_SHUTDOWN_TIMEOUT</c>), so an exit handler may
/// never run. Here nothing is waiting to kill the host yet.
/// </summary>
public sealed class ScratchCleaningTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // async void as in the base class: the runner learns of the end through the execution sink's messages.
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await base.BeforeTestAssemblyFinishedAsync();
            TestScratch.RemoveRoot();
        }
    }
}
