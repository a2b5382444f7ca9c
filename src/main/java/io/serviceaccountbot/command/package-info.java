/**
 * The command language: turns what an admin types in Teams into a {@link io.serviceaccountbot.command.Command}.
 *
 * <p>Why it is shaped this way:
 *
 * <ul>
 *   <li><b>One place per command.</b> Each command has one grammar class that holds its help text (a {@link
 *       io.serviceaccountbot.command.CommandSpec}), its parser and its renderer. Help, the Teams manifest, error
 *       examples and {@link io.serviceaccountbot.command.CommandText} all come from there, so the documentation
 *       cannot drift from what is accepted. Every example in the catalog is parsed by a test.
 *   <li><b>Parsers compose.</b> As in db-scheduler's schedule parsers, small per-command parsers each say "not mine"
 *       or give a result, and a composite tries them all. The phrasing that matched most keywords wins, so
 *       {@code verify audit log} is the audit check, not a check of an account called "audit".
 *   <li><b>Rejections are results.</b> {@link io.serviceaccountbot.command.CommandParser#parse(String)} never throws;
 *       it returns a {@link io.serviceaccountbot.command.ParseError} written for a Teams admin, with an example that
 *       works.
 *   <li><b>Only Microsoft's rules.</b> Values are checked against Microsoft's documented naming rules (see {@link
 *       io.serviceaccountbot.command.DirectoryRules} and {@link io.serviceaccountbot.command.ExchangeRules}), so the
 *       admin hears about a bad alias before an approver is asked, and nothing Microsoft would accept is refused.
 *   <li><b>Plain Java.</b> No Spring, HTTP or JSON here; an architecture test keeps it that way, so the language can
 *       be tested as a conversation.
 * </ul>
 */
package io.serviceaccountbot.command;
