using System.Globalization;
using Emiss.Core.IO;
using Emiss.Events;

namespace Emiss.Storage.Events;

/// <summary>
/// Concatenates event stores of one layout into one store, row group by row group in the order given: each row group is
/// read into one <see cref="EventBatch"/> and written again by <see cref="EventStoreWriter"/>, so memory stays at one row
/// group whatever the number and size of the inputs, and the output's row groups are encoded exactly as the inputs' were.
/// This is how the shards of a sharded <c>emiss simulate</c> become the store a single run would have written.
/// </summary>
public static class EventStoreConcatenation
{
    /// <summary>Writes the rows of <paramref name="inputs"/> into <paramref name="output"/> (atomically) with the given provenance.</summary>
    /// <returns>Rows written.</returns>
    public static async Task<long> WriteAsync(IReadOnlyList<string> inputs, string output, Provenance provenance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfZero(inputs.Count);
        (int X, int Y, int Modules, string Card) layout;
        await using (EventStoreReader first = await EventStoreReader.OpenAsync(inputs[0], cancellationToken).ConfigureAwait(false))
            layout = Layout(first);
        EventStoreWriter writer = await EventStoreWriter.CreateAsync(output, layout.X, layout.Y, layout.Modules, provenance, layout.Card, cancellationToken)
            .ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            foreach (string input in inputs)
            {
                await using EventStoreReader reader = await EventStoreReader.OpenAsync(input, cancellationToken).ConfigureAwait(false);
                if (Layout(reader) != layout) throw new InvalidDataException($"{input}: layout or set-up card differs from {inputs[0]}");
                for (int g = 0; g < reader.RowGroupCount; g++)
                    await writer.WriteAsync(await reader.ReadRowGroupAsync(g, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync().ConfigureAwait(false);
            return writer.Rows;
        }
    }

    private static (int X, int Y, int Modules, string Card) Layout(EventStoreReader r)
    {
        int Get(string key) => int.Parse(r.Metadata[key], CultureInfo.InvariantCulture);
        return (Get("emiss.ecal_cells_x"), Get("emiss.ecal_cells_y"), Get("emiss.hcal_modules"), r.Metadata["emiss.setup_card"]);
    }
}
