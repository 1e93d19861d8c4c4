/** The GraphQL operation the statement-count and throughput benchmarks send. */
export const BENCH_QUERY = /* GraphQL */ `query Bench($n: Int!) { calls(first: $n) { edges { node { id title primaryRep { id name } participants { id name rep { id } } segments(first: 5) { edges { node { seq text } } } analyses { id overallScore dimensionResults { dimension score } } } } } }`;
