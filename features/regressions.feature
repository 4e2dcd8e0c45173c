@inferred @assumed-model-invariants
Feature: Regressions found by exploring failure orderings
  Scenarios that `npm run fuzz` or the exhaustive phase once found breaking an invariant, pasted here from the
  counterexample it printed (its third replay form) so that they run with every other feature. Each starts from
  an empty deployment, ends with the step at which the invariant broke, and checks every invariant over the
  whole plan. None of this is evidence from the lab: it is what the invariants demand of the model.

  Rule: A chat completed before the agent saw the customer's messages warns the customer

    @regression
    Scenario: No silent loss: the agent completes a chat whose question the Messaging server held back
      Given the customer starts a chat asking "Hello?"
      And the Messaging server fails
      And JDoe logs in
      When the agent completes the chat
      Then every invariant holds
      And the customer's window shows "[Some of the above messages may not have been delivered.]"
      # Found broken: the customer's "Hello?" (sent at 00:00:00) was never delivered, its sender was not warned,
      # and its session was completed

  Rule: A chat completed before the customer's window fetched the agent's messages warns the agent

    @regression @assumed-lost-close
    Scenario: No silent loss: the agent completes a chat whose window was closed while the Web server was down
      Given JDoe logs in
      And customer@awesome.com starts a chat asking "Help me!"
      And the Web server fails
      And customer@awesome.com closes the chat window
      And the Web server is restored
      And the agent sends "Hello" to customer@awesome.com
      When the agent completes the chat with customer@awesome.com
      Then every invariant holds
      And the agent sees the pop-up "Some of your messages in this chat may not have been delivered."
      # Found broken: the agent's "Hello" (sent at 00:00:00) was never delivered, its sender was not warned, and its
      # session was completed
