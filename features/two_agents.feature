@inferred @assumed-several-agents
Feature: Two integrated agents
  The lab write-up follows one agent. With two, each has their own console and chat list (keys 1 to 9, Cisco's
  Agent's Guide 4.3(1), docs/sources.md, "The agent console"), and integrated routing gives each waiting chat to
  a free agent: one who is logged in, registered for routing and not in a chat, since a chat cannot be interrupted
  by other media (docwiki "Agent Ready But Not ICM Available", docs/sources.md, "Activity records"). None of this
  is evidence from the lab.

  Background: Two agents are logged in
    Given JDoe logs in
    And DMarino logs in

  Rule: Routing gives each new chat to a free integrated agent

    Scenario: The first chat goes to the first free agent, the second to the other
      Source: docwiki "IPTA Email" (routing to a free agent) and "Agent Ready But Not ICM Available".
      Given customer@awesome.com starts a chat asking "Help me!"
      When second@awesome.com starts a chat asking "Me too"
      Then JDoe's chat list shows:
        | Key | Activity ID | Chat status              |
        | 1   | 1000        | Waiting for you to reply |
      And DMarino's chat list shows:
        | Key | Activity ID | Chat status              |
        | 1   | 1001        | Waiting for you to reply |

    Scenario: A chat that finds every agent busy waits for one to become free
      Source: docwiki "Agent Ready But Not ICM Available": a chat in progress blocks new work.
      Given DMarino logs out
      And customer@awesome.com starts a chat asking "Help me!"
      And second@awesome.com starts a chat asking "Me too"
      When JDoe completes the chat with customer@awesome.com
      Then JDoe's chat list shows:
        | Key | Activity ID |
        | 1   | 1001        |

    Scenario: The waiting chat goes to the agent who logs in
      Source: docwiki "IPTA Email": routing assigns waiting work once an agent is free.
      Given DMarino logs out
      And customer@awesome.com starts a chat asking "Help me!"
      And second@awesome.com starts a chat asking "Me too"
      When DMarino logs in
      Then DMarino's chat list shows:
        | Key | Activity ID |
        | 1   | 1001        |

  Rule: A chat transferred back to the queue waits in its place, oldest first

    @assumed-transfer-back-to-queue
    Scenario: A chat transferred back goes to the next free agent before a chat that started after it
      Source: none; the model's own action (features/claims.json, transfer-back-to-queue).
      Given DMarino logs out
      And customer@awesome.com starts a chat asking "Help me!"
      And second@awesome.com starts a chat asking "Me too"
      When JDoe transfers the chat with customer@awesome.com back to the queue
      Then the chat list shows:
        | Activity ID |
        | 1000        |
      And second@awesome.com's window ends with:
        """
        [An agent will be with you shortly.]
        """

  Rule: Each agent works in their own console

    Scenario: An agent's reply reaches only their own customer
      Source: the Agent's Guide 4.3(1): each agent's chat list and pane.
      Given customer@awesome.com starts a chat asking "Help me!"
      And second@awesome.com starts a chat asking "Me too"
      When DMarino sends "Hello" to second@awesome.com
      Then second@awesome.com's window ends with:
        """
        DMarino : Hello
        """
      And customer@awesome.com's window does not show "DMarino : Hello"
      And JDoe's chat list shows:
        | Activity ID | Chat status              |
        | 1000        | Waiting for you to reply |
      And DMarino's chat list shows:
        | Activity ID | Chat status                   |
        | 1001        | Waiting for customer to reply |

  Rule: With one Application server, losing it costs every agent their session

    Scenario: Both agents have to log in again
      Source: the design guide: the users of a failed Application server must log in again.
      When the Application server fails
      Then JDoe has to log in again
      And DMarino has to log in again
