using Emiss.Analysis.EventData;
using Emiss.Events.Selection;

namespace Emiss.Analysis.CutFlow;

/// <summary>
/// Counts the cut flow of one row group while reading it, column chunk by column chunk, in the order the cuts need
/// them: the trigger, SRD and track scalars for the given rows first; the ECAL shower columns (preshower, hottest
/// cell, the nine cells of the 3×3 that cut (iii) reads, V2) only when some row passes everything before (iii), and
/// copied only for those rows. A row group where no row reaches (iii), the common case in data, never decodes a cell.
/// Stages come from the same <see cref="SelectionEvaluator"/> as an in-memory cut flow, so the counts are identical.
/// One instance per worker thread (its buffers are reused).
/// </summary>
internal sealed class StagedCutFlow
{
    private static readonly SelectionField[] EarlyFields =
    [
        SelectionField.Run, SelectionField.Weight, SelectionField.Trigger, SelectionField.SrdEnergy, SelectionField.SrdTime,
        SelectionField.TrackOk, SelectionField.TrackMomentum, SelectionField.TrackTheta,
    ];

    private static readonly SelectionField[] ShowerFields = [SelectionField.EcalPreshower, SelectionField.EcalMaxCell, SelectionField.V2Energy];

    private readonly SelectionEvaluator _evaluator;
    private CutStage[] _stages = [];
    private int[] _showerRows = [];

    /// <summary>A staged counter applying <paramref name="evaluator"/>.</summary>
    public StagedCutFlow(SelectionEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
    }

    /// <summary>Counts rows <paramref name="rows"/> (ascending) of <paramref name="group"/> into <paramref name="counter"/>
    /// as sample <paramref name="sample"/>. <see cref="SelectionField.EcalEnergy"/> and <see cref="SelectionField.HcalEnergy"/>
    /// must be loaded already (the caller chose the rows by them); the rest is loaded here. No row outside
    /// <paramref name="rows"/> is evaluated or counted.</summary>
    public async Task CountAsync(RowGroupColumns group, int[] rows, int rowCount, string sample, CutFlowCounter counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(counter);
        if (rowCount == 0) return;
        foreach (SelectionField f in EarlyFields) await group.LoadAsync(f, cancellationToken).ConfigureAwait(false);
        if (_stages.Length < rowCount) _stages = new CutStage[rowCount];
        if (_showerRows.Length < rowCount) _showerRows = new int[rowCount];
        int showers = EarlyStages(group.Columns, rows.AsSpan(0, rowCount));
        if (showers > 0)
        {
            foreach (SelectionField f in ShowerFields) await group.LoadAsync(f, cancellationToken).ConfigureAwait(false);
            await group.LoadCellsAsync(_evaluator.ShapeCells, new ReadOnlyMemory<int>(_showerRows, 0, showers), cancellationToken).ConfigureAwait(false);
            ShowerStages(group.Columns, rows.AsSpan(0, rowCount));
        }
        counter.Add(sample, group.Columns, rows.AsSpan(0, rowCount), _stages.AsSpan(0, rowCount));
    }

    /// <summary>Stages from the cuts before (iii); collects the rows that (iii) must decide. Returns their number.</summary>
    private int EarlyStages(SelectionColumns c, ReadOnlySpan<int> rows)
    {
        SelectionEvaluator eval = _evaluator;
        CutStage[] stages = _stages;
        int[] showerRows = _showerRows;
        int m = 0;
        for (int k = 0; k < rows.Length; k++)
        {
            CutStage s = eval.LastPassedBeforeShower(c, rows[k]);
            stages[k] = s;
            if (s == CutStage.Srd) showerRows[m++] = rows[k];
        }
        return m;
    }

    /// <summary>The full evaluation for the rows that passed everything before (iii), now that their shower columns are loaded.</summary>
    private void ShowerStages(SelectionColumns c, ReadOnlySpan<int> rows)
    {
        SelectionEvaluator eval = _evaluator;
        CutStage[] stages = _stages;
        for (int k = 0; k < rows.Length; k++)
            if (stages[k] == CutStage.Srd) stages[k] = eval.LastPassed(c, rows[k]);
    }
}
