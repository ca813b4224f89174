using System.Text;

namespace ApprovalBot.Bench.Report;

/// <summary>A markdown table: a header row, then rows; cells are escaped for pipes.</summary>
public sealed class MarkdownTable(params string[] header)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(StringBuilder text)
    {
        text.AppendLine(Line(header));
        text.AppendLine(Line([.. header.Select(h => h.StartsWith(' ') ? "---:" : "---")]));
        _rows.ForEach(r => text.AppendLine(Line(r)));
        text.AppendLine();
    }

    private static string Line(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(Escape)) + " |";

    private static string Escape(string cell) => cell.Trim().Replace("|", "\\|", StringComparison.Ordinal);
}
