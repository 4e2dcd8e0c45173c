@inferred @assumed-one-chat-at-a-time
Feature: Several customers at once
  The source shows one customer. With more than one, each step names whose window or chat it reads; a step
  that says "the customer" while several windows are open fails and lists them, so a scenario never checks
  someone else's screen.

  Background: The agent chats with one customer while a second waits
    Given JDoe logs in
    And customer@awesome.com starts a chat asking "Help me!"
    And the agent sends "Hello"
    And other@awesome.com starts a chat asking "Anyone there?"

  Rule: An agent in a live chat is not given a second one

    Scenario: The second customer waits for an agent
      When 1 minute passes
      Then other@awesome.com's window reads:
        """
        Customer : Anyone there?
        [An agent will be with you shortly.]
        """
      And the agent's chat pane with customer@awesome.com ends with:
        """
        JDoe : Hello
        """

  Rule: A Messaging failure reaches the customer who is chatting, not the one who waits

    Scenario: Only the chatting customer's message is not delivered
      Given the Messaging server fails
      And the chat with customer@awesome.com has lasted 00:01:00
      When customer@awesome.com sends "Hello?"
      Then customer@awesome.com is told that "Hello?" could not be delivered
      And other@awesome.com's window does not show "Hello?"
      And other@awesome.com's chat session is still open
