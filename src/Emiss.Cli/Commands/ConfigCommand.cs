using System.CommandLine;
using Emiss.Cli.RunCards;

namespace Emiss.Cli.Commands;

/// <summary><c>emiss config show|list</c>: prints a resolved (validated) run card, or the embedded card names.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Embedded card name or a .yaml/.json run card", DefaultValueFactory = _ => "na64-2016" };
        var show = new Command("show", "Validate a limit run card and print it fully resolved (the form recorded in every output).") { config };
        show.SetAction(pr => CliErrors.Run(pr, () =>
        {
            LimitCard card = CardLoader.Load<LimitCard>(pr.GetValue(config)!, c => c.Validate());
            Console.Out.Write(CardLoader.ToYaml(card));
            return 0;
        }));
        var list = new Command("list", "List the embedded run cards.");
        list.SetAction(_ =>
        {
            foreach (string n in CardLoader.EmbeddedNames) Console.Out.WriteLine(n);
            return 0;
        });
        return new Command("config", "Inspect run cards.") { show, list };
    }
}
