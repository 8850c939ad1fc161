// Agent reach: how far one natural-person agent (委托代理人) reaches - the cases they acted in,
// the employers party to those cases, whom they represented, and for which side. An agent who
// acts for many applicants, or for employers as well as workers, across several employers is
// the intermediary pattern (red flags P9/G7).
//
// Parameters:
//   $agent  the person's node id (Person:…) or exact name (a name can match several people)
//
// Returns one row per matching person who acted as an agent, most cases first.
MATCH (a:Person)
WHERE a.id = $agent OR a.name = $agent
MATCH (a)-[ag:AGENT_IN]->(c:Case)
WITH a, collect(DISTINCT c) AS cases, collect(DISTINCT ag.represents_side) AS sides
CALL (a) {
  OPTIONAL MATCH (a)-[:AGENT_IN]->(:Case)<-[:PARTY_IN]-(e:Employer)
  WITH DISTINCT e
  ORDER BY e.name, e.id
  RETURN collect(e.name) AS employers
}
CALL (a) {
  OPTIONAL MATCH (a)-[:REPRESENTS]->(p:Person)
  RETURN count(DISTINCT p) AS people_represented
}
CALL (a) {
  OPTIONAL MATCH (a)-[:REPRESENTS]->(e:Employer)
  WITH DISTINCT e
  ORDER BY e.name, e.id
  RETURN collect(e.name) AS employers_represented
}
CALL (a) {
  OPTIONAL MATCH (a)-[:MEMBER_OF]->(f:LawFirm)
  WITH DISTINCT f
  ORDER BY f.name
  RETURN collect(f.name) AS law_firms
}
RETURN a.id AS agent_id,
       a.name AS name,
       size(cases) AS cases,
       size(employers) AS employer_count,
       employers,
       employers_represented,
       people_represented,
       [s IN ['worker', 'employer', 'unknown'] WHERE s IN sides] AS sides,
       law_firms,
       reduce(m = null, c IN cases |
              CASE WHEN c.filing_date IS NOT NULL AND (m IS NULL OR c.filing_date < m)
                   THEN c.filing_date ELSE m END) AS first_filing,
       reduce(m = null, c IN cases |
              CASE WHEN c.filing_date IS NOT NULL AND (m IS NULL OR c.filing_date > m)
                   THEN c.filing_date ELSE m END) AS last_filing
ORDER BY cases DESC, agent_id
