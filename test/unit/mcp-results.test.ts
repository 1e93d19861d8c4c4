import { CallCoachClientError } from "../../clients/execute";
import { errorResult, fitToBudget, RESULT_BUDGET_CHARS, toResult } from "../../src/mcp/results";

describe("MCP results: budget and errors", () => {
  it("leaves an answer under the budget untouched", () => {
    const answer = { summary: "3 items", data: { items: [1, 2, 3], total_count: 3 } };
    expect(fitToBudget(answer)).toEqual({ data: answer.data, cut: [] });
    expect(toResult(answer).structuredContent).toEqual(answer.data);
  });

  it("halves the longest list until the answer fits, and says what was cut", () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ seq: i, text: `segment ${i} `.repeat(5) }));
    const r = toResult({ summary: "a long transcript", data: { items, tags: ["a", "b"] } });
    const text = (r.content[0] as { text: string }).text;
    expect(text.length).toBeLessThanOrEqual(RESULT_BUDGET_CHARS);
    const data = r.structuredContent as { items: unknown[]; tags: string[]; notes: string[] };
    expect(data.items.length).toBeLessThan(5000);
    expect(data.items[0]).toEqual(items[0]); // the head is kept
    expect(data.tags).toEqual(["a", "b"]);
    expect(data.notes).toEqual([expect.stringMatching(new RegExp(`^items: showing ${data.items.length} of 5000 \\(cut`))]);
  });

  it("shortens a single huge text", () => {
    const r = toResult({ summary: "a report", data: { markdown: "x".repeat(200_000) } });
    const data = r.structuredContent as { markdown: string; notes: string[] };
    expect(data.markdown.length).toBeLessThan(3000);
    expect(data.markdown).toMatch(/\[198000 characters cut\]$/);
    expect(data.notes[0]).toMatch(/shortened/);
  });

  it("turns a GraphQL error into an isError result with its code, reason and a hint", () => {
    const r = errorResult(new CallCoachClientError("Call 123 not found", "NOT_FOUND", "CALL_NOT_FOUND", []));
    expect(r.isError).toBe(true);
    expect((r.content[0] as { text: string }).text).toMatch(/^NOT_FOUND \(CALL_NOT_FOUND\): Call 123 not found\n.*search_calls/);
    const u = errorResult(new CallCoachClientError("Cannot reach call-coach", "UNREACHABLE", undefined, []));
    expect((u.content[0] as { text: string }).text).toMatch(/callcoach serve/);
  });
});
