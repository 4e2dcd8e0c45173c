@inferred @assumed-several-application-servers
Feature: Two Application servers behind the Web server
  WIM/EIM installations scale out with more than one Application server behind the Web server, which places
  each new chat and each agent login on one of them. The lab write-up has a single Application server; these
  scenarios are what the model's rules imply for two, resting on Cisco's Unified CCE 7.5 design guide
  (docs/sources.md, Deployment, "Failover"): when an Application server fails, its users are sent to another one,
  get a new session and must log in again; the primary Web/App server (the hub for JMS message exchange), the
  Services server and the Database server are single points of failure. The guide does not name the Messaging
  server: that one Messaging server serves both Application servers is the model's. None of this is evidence
  from the lab.

  Background: Two agents and two customers, one of each on each Application server
    Given the Application 2 server joins the deployment
    And JDoe logs in
    And DMarino logs in
    And customer@awesome.com starts a chat asking "Help me!"
    And second@awesome.com starts a chat asking "Me too"

  Rule: The Web server spreads new sessions over the Application servers

    Scenario: Each Application server holds one agent and one chat
      Source: the design guide's Application servers behind one Web server; the spread is the model's choice.
      When 10 seconds pass
      Then JDoe's login is on the Application server
      And DMarino's login is on the Application 2 server
      And customer@awesome.com's chat is on the Application server
      And second@awesome.com's chat is on the Application 2 server

  Rule: What a failed Application server held is lost; what the other holds carries on

    Scenario: The chat on the surviving server carries on
      Source: the design guide, users of the failed server only are moved.
      Given the Application 2 server fails
      When JDoe sends "Still here"
      Then customer@awesome.com's window ends with:
        """
        JDoe : Still here
        """
      And customer@awesome.com's chat session is still open
      And JDoe is still logged in

    Scenario: The customer of the failed server is told at once, by the server the Web server now sends them to
      Source: the design guide, users are sent to another Application server and get a new session.
      When the Application 2 server fails
      Then second@awesome.com is told the session was lost and asked to start a new chat
      And second@awesome.com is not told about connection issues

    Scenario: The agent of the failed server has to log in again
      Source: the design guide, users of a failed Application server must log in again.
      When the Application 2 server fails
      Then DMarino has to log in again
      And JDoe is still logged in

    Scenario: Logging in again lands on the surviving server
      Source: the design guide, a new session on another Application server.
      Given the Application 2 server fails
      When DMarino logs in
      Then DMarino's login is on the Application server
      And DMarino sees the pop-up "Session in Progress"

    Scenario: A new chat from the lost customer goes to the surviving server
      Source: the design guide, a new session on another Application server.
      Given the Application 2 server fails
      When second@awesome.com starts a new chat asking "Anyone there?"
      Then second@awesome.com's chat is on the Application server

  Rule: The one Messaging server serves both Application servers

    Scenario: No message crosses while the Messaging server is down, on either server
      Inferred: the model has one Messaging server, as the lab had; the design guide does not name it among the
      single points of failure.
      Given the Messaging server fails
      When second@awesome.com sends "Hello?"
      Then second@awesome.com is told that "Hello?" could not be delivered
