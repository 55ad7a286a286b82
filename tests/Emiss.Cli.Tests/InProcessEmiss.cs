using System.Text;
using Spectre.Console;

namespace Emiss.Cli.Tests;

/// <summary>
/// Runs <see cref="Program.Main"/> inside the test process with standard output and error captured: the same
/// code path as the executable (parse, validate, run, report) without starting a runtime per case, which keeps a
/// suite of over a hundred command lines fast. Console redirection is process-wide, so calls are serialised.
/// What the commands print through Spectre.Console (tables, result lines) is captured with standard output: the
/// static <see cref="AnsiConsole.Console"/> keeps the writer it was created with, so each run gets one of its own on
/// the captured writer (plain text, no colours, wide enough that result lines are not wrapped).
/// </summary>
internal static class InProcessEmiss
{
    private static readonly Lock Gate = new();

    /// <summary>Columns of the captured Spectre console: wider than any line the commands print.</summary>
    public const int ConsoleWidth = 1000;

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        lock (Gate)
        {
            TextWriter oldOut = Console.Out, oldErr = Console.Error;
            IAnsiConsole oldAnsi = AnsiConsole.Console;
            var stdout = new StringWriter(new StringBuilder());
            var stderr = new StringWriter(new StringBuilder());
            try
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(stdout),
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Interactive = InteractionSupport.No,
                });
                AnsiConsole.Console.Profile.Width = ConsoleWidth;
                int code = Program.Main(args).GetAwaiter().GetResult();
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
                AnsiConsole.Console = oldAnsi;
            }
        }
    }
}
