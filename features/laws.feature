@invariants @assumed-claims-as-laws
Feature: The source's claims as laws over every explored state
  Each scenario of the other features illustrates a claim of the source in one plan. Where a claim generalises,
  it is also written once as a law (exploration/laws/): a premise over what happened before, and a conclusion
  over the state. Every state the model can reach within the test bounds is explored breadth-first (one
  server's outages at a time, time moving to each threshold, two messages, a second login and a logout), and
  every law and invariant is checked in each. `npm run explore` explores larger bounds; the nightly job deeper
  ones, split across machines.

  Scenario: Every explored state keeps every invariant and every law
    When every state within the test bounds is explored
    Then no explored state breaks an invariant or a law

  Rule: Each law holds wherever its premise does, and its premise holds somewhere

    Scenario Outline: <law>
      When every state within the test bounds is explored
      Then no explored state breaks the law "<law>"
      And the premise of the law "<law>" held in some explored state

      Examples:
        | law |
      | After an Application server outage that a chat was live through, the agent who logs back in sees Session in Progress |
      | A chat lost with the Application server is presented to the agent as still active (known defect) |
      | The history of a chat lost with the Application server is gone when the agent logs back in |
      | A customer whose chat was live when the Application server failed is told the session was lost once the window reaches it again |
      | A customer whose chat was live when the Application server failed hears of connection issues once it has been down a few minutes |
      | Messages sent while the Messaging server was down are lost |
      | A chat that was live when the Messaging server failed continues once every server is back |
      | With only the Services server down, the agent and the customer can still chat |
      | While the Services server is down the agent cannot handle activities and receives no new ones |
      | After a Services server outage, the agent who logs in again with every server up can handle activities |
