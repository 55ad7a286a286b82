using System.Text;

namespace Emiss.Cli.Tests;

/// <summary>
/// Runs <see cref="Program.Main"/> inside the test process with standard output and error captured: the same
/// code path as the executable (parse, validate, run, report) without starting a runtime per case, which keeps a
/// suite of over a hundred command lines fast. Console redirection is process-wide, so calls are serialised.
/// </summary>
internal static class InProcessEmiss
{
    private static readonly Lock Gate = new();

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        lock (Gate)
        {
            TextWriter oldOut = Console.Out, oldErr = Console.Error;
            var stdout = new StringWriter(new StringBuilder());
            var stderr = new StringWriter(new StringBuilder());
            try
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                int code = Program.Main(args).GetAwaiter().GetResult();
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}
