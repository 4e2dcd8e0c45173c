@inferred @assumed-refusals
Feature: Actions that cannot happen
  A plan that asks for something impossible in the deployment's state is refused with the reason, never
  silently ignored.

  Background:
    Given JDoe logs in
    And the customer starts a chat asking "Help me!"

  Rule: An agent who is logged out cannot chat

    Scenario: The agent sends after logging out
      Given JDoe logs out
      When the agent tries to send "Hello"
      Then it is refused because "the agent is logged out of the agent console"

  Rule: A customer whose session has ended must start a new chat

    Scenario: The customer writes into a lost session
      Given the Application server fails
      And the Application server is restored
      When the customer tries to send "Hello?"
      Then it is refused because "customer@awesome.com's chat session 1000 has ended"

  Rule: An agent with no chat has nothing to complete

    Scenario: Completing a chat twice
      Given the agent completes the chat
      When the agent tries to complete the chat
      Then it is refused because "the agent console's chat list is empty"

  Rule: A server that is down cannot fail again

    Scenario: Failing the Application server twice
      Given the Application server fails
      When the operator tries to fail the Application server
      Then it is refused because "the Application server is already down"

  Rule: An agent already logged in cannot log in again

    Scenario: Logging in twice
      When JDoe tries to log in
      Then it is refused because "JDoe is already logged in"
