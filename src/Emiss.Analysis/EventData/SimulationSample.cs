using Emiss.Analysis.CutFlow;
using Emiss.Events.Selection;

namespace Emiss.Analysis.EventData;

/// <summary>
/// A simulated event file read with its truth (<c>true_process</c>): cut flows per background source or signal.
/// Only files written by <c>emiss simulate</c> or <c>emiss signal</c> (their provenance command) are accepted; every
/// other file, pseudo-data in particular, is data and opens only through <see cref="Blinding.BlindDataSet"/>, so
/// that no public call reads the truth of data (docs/physics/blinding.md#truth).
/// </summary>
public sealed class SimulationSample : IAsyncDisposable
{
    private readonly EventFile _file;

    private SimulationSample(EventFile file) => _file = file;

    /// <summary>Sample name (file name without extension).</summary>
    public string Name => EventDirectory.SampleName(_file.Path);

    /// <summary>Rows in the file.</summary>
    public long RowCount => _file.RowCount;

    /// <summary>ECAL cells along x.</summary>
    public int CellsX => _file.CellsX;

    /// <summary>ECAL cells along y.</summary>
    public int CellsY => _file.CellsY;

    /// <summary>True if <paramref name="command"/> (an event file's provenance) is a simulation command.</summary>
    public static bool IsSimulationCommand(string command) =>
        command.StartsWith("emiss simulate ", StringComparison.Ordinal) || command == "emiss simulate" ||
        command.StartsWith("emiss signal ", StringComparison.Ordinal);

    /// <summary>Opens a simulated event file.</summary>
    /// <exception cref="InvalidDataException">Unreadable file, or the file is data (not written by a simulation command).</exception>
    public static async Task<SimulationSample> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        EventFile f = await EventFile.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        if (!IsSimulationCommand(f.Command))
        {
            await f.DisposeAsync().ConfigureAwait(false);
            throw new InvalidDataException(
                $"{path}: is data (written by '{f.Command}'), not a simulated sample: its truth is blinded; open it through the blind data set (`emiss analyze`)");
        }
        return new SimulationSample(f);
    }

    /// <summary>Streams the row groups with their true-process codes.</summary>
    public async Task ForEachAsync(Action<SelectionColumns, ReadOnlyMemory<int>> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        SelectionColumns? buffer = null;
        for (int g = 0; g < _file.RowGroupCount; g++)
        {
            buffer = await _file.ReadAsync(g, buffer, cancellationToken).ConfigureAwait(false);
            int[] truth = await _file.ReadTruthAsync(g, cancellationToken).ConfigureAwait(false);
            sink(buffer, truth);
        }
    }

    /// <summary>The cut flow of the sample with per-source rows and the signal box (simulation is never blind).</summary>
    public async Task<CutFlowResult> CutFlowAsync(SelectionCuts cuts, CancellationToken cancellationToken = default)
    {
        var counter = new CutFlowCounter(new SelectionEvaluator(cuts, CellsX, CellsY));
        await ForEachAsync((c, truth) => counter.Add(Name, c, truth.Span), cancellationToken).ConfigureAwait(false);
        return counter.Result(includeSignalBox: true);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
