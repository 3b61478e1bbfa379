package io.salespulse.coaching.oneonones;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.PreconditionFailedException;
import io.salespulse.kit.web.Revisions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 1:1 records: a manager of the rep's team (or an admin) records one under an id of its choosing (the same request
 * twice is one 1:1), and marks action items done. Private notes are shown to the manager who wrote them only.
 */
@RestController
class OneOnOnesController {

    static final int MAX_NOTES = 10_000;
    static final int MAX_ITEMS = 30;
    static final int MAX_LIST = 100;

    /** An action item as sent. */
    record ItemRequest(
            @NotBlank @Size(max = 500) String text,

            @Pattern(regexp = "REP|MANAGER", message = "must be REP or MANAGER")
            String owner,

            String due) {}

    /** {@code PUT /api/v1/reps/{repId}/one-on-ones/{oneOnOneId}}. */
    record OneOnOneRequest(
            @NotNull String heldOn,
            @Size(max = MAX_NOTES) String notes,
            Boolean privateNotes,
            @Min(1) @Max(5) Integer energy,
            @Size(max = MAX_ITEMS) List<@Valid @NotNull ItemRequest> actionItems) {}

    /**
     * A 1:1 as the caller may see it: private notes are {@code null} for anyone but their author. {@code revision}
     * counts its changes: the {@code If-Match} of a write that must not replace a change its author never saw.
     */
    record OneOnOneView(
            String oneOnOneId,
            String repId,
            String managerId,
            String heldOn,
            String notes,
            boolean privateNotes,
            Integer energy,
            List<OneOnOneRecords.ActionItem> actionItems,
            long revision) {

        /**
         * The energy check is a care figure: shown to the rep's managers and the rep only ({@code null} to anyone
         * else).
         */
        static OneOnOneView of(OneOnOneRecords.OneOnOne record, String caller) {
            boolean hidden = record.privateNotes() && !record.managerId().equals(caller);
            boolean care = Caller.current()
                    .map(current -> current.seesCareOf(record.teamId(), record.repId()))
                    .orElse(false);
            return new OneOnOneView(
                    record.oneOnOneId(),
                    record.repId(),
                    record.managerId(),
                    record.heldOn(),
                    hidden ? null : record.notes(),
                    record.privateNotes(),
                    care ? record.energy() : null,
                    record.actionItems(),
                    record.revision());
        }
    }

    private final OneOnOneRecords records;
    private final RosterStore roster;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    OneOnOnesController(
            OneOnOneRecords records,
            RosterStore roster,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.records = records;
        this.roster = roster;
        this.clock = clock;
    }

    private static String caller() {
        return Caller.current().map(Caller::subject).orElse(null);
    }

    private RepChanged rep(String repId) {
        return roster.rep(repId).orElseThrow(() -> new NotFoundException("No rep " + repId));
    }

    @Operation(summary = "Record a 1:1: notes, energy, action items")
    @PutMapping("/api/v1/reps/{repId}/one-on-ones/{oneOnOneId}")
    ResponseEntity<OneOnOneView> record(
            @PathVariable @Bounded String repId,
            @PathVariable @Bounded String oneOnOneId,
            @Valid @RequestBody OneOnOneRequest request,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        RepChanged rep = rep(repId);
        Optional<OneOnOneRecords.OneOnOne> held = records.get(oneOnOneId);
        if (held.isPresent() && !held.get().repId().equals(repId)) {
            throw new InvalidRequestException("oneOnOneId", "is another rep's 1:1");
        }
        Revisions.check(ifMatch, held.map(OneOnOneRecords.OneOnOne::revision));
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate heldOn = day(request.heldOn(), "heldOn", problems);
        if (heldOn != null && (heldOn.isAfter(today) || heldOn.isBefore(today.minusYears(1)))) {
            problems.add(
                    new FieldProblem("heldOn", "must be within the last year, and not after today (" + today + ")"));
        }
        List<OneOnOneRecords.ActionItem> items = new ArrayList<>();
        List<ItemRequest> asked = request.actionItems() == null ? List.of() : request.actionItems();
        for (int i = 0; i < asked.size(); i++) {
            ItemRequest item = asked.get(i);
            LocalDate due = item.due() == null || item.due().isBlank()
                    ? null
                    : day(item.due(), "actionItems[" + i + "].due", problems);
            if (due != null && due.isAfter(today.plusYears(1))) {
                problems.add(new FieldProblem("actionItems[" + i + "].due", "must be within a year"));
            }
            // Items keep their id (and whether they were done) when the same 1:1 is recorded again.
            String itemId = oneOnOneId + "-" + (i + 1);
            java.time.Instant doneAt = held.flatMap(h -> h.actionItems().stream()
                            .filter(x -> x.itemId().equals(itemId))
                            .findFirst())
                    .map(OneOnOneRecords.ActionItem::doneAt)
                    .orElse(null);
            items.add(new OneOnOneRecords.ActionItem(
                    itemId,
                    item.text().strip(),
                    item.owner() == null ? "REP" : item.owner(),
                    due == null ? null : due.toString(),
                    doneAt));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        OneOnOneRecords.OneOnOne record = new OneOnOneRecords.OneOnOne(
                oneOnOneId,
                repId,
                rep.teamId(),
                held.map(OneOnOneRecords.OneOnOne::managerId).orElse(caller()),
                heldOn.toString(),
                request.notes() == null || request.notes().isBlank()
                        ? null
                        : request.notes().strip(),
                Boolean.TRUE.equals(request.privateNotes()),
                request.energy(),
                items,
                held.map(OneOnOneRecords.OneOnOne::recordedAt).orElse(clock.instant()),
                held.map(h -> h.revision() + 1).orElse(0L));
        if (!records.write(record, held.map(OneOnOneRecords.OneOnOne::revision).orElse(-1L))) {
            // Changed between our read and our write (an item ticked, another manager's save): theirs stands.
            throw new PreconditionFailedException(
                    "The 1:1 changed while yours was being saved: read it again, and apply your change to what it now says",
                    records.get(oneOnOneId)
                            .map(now -> Revisions.etag(now.revision()))
                            .orElse(null));
        }
        events.publishEvent(new ActionItemsChanged(repId));
        return ResponseEntity.status(held.isPresent() ? HttpStatus.OK : HttpStatus.CREATED)
                .eTag(Revisions.etag(record.revision()))
                .body(OneOnOneView.of(record, caller()));
    }

    /**
     * The action items still open from the rep's 1:1s (overdue flagged), without the 1:1s' notes: what the rep reads
     * of its 1:1s, and its managers too.
     */
    @Operation(summary = "A rep's open 1:1 action items")
    @GetMapping("/api/v1/reps/{repId}/action-items")
    List<OneOnOneRecords.OpenItem> actionItems(@PathVariable @Bounded String repId) {
        rep(repId);
        return records.openItems(repId, java.time.LocalDate.now(clock.withZone(roster.zoneOf(repId))));
    }

    @Operation(summary = "A rep's last 1:1s")
    @GetMapping("/api/v1/reps/{repId}/one-on-ones")
    List<OneOnOneView> list(@PathVariable @Bounded String repId, @RequestParam(defaultValue = "20") int limit) {
        rep(repId);
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIST);
        }
        String caller = caller();
        return records.ofRep(repId, limit).stream()
                .map(record -> OneOnOneView.of(record, caller))
                .toList();
    }

    @Operation(summary = "Mark a 1:1 action item done")
    @PostMapping("/api/v1/reps/{repId}/one-on-ones/{oneOnOneId}/action-items/{itemId}/done")
    OneOnOneView done(
            @PathVariable @Bounded String repId,
            @PathVariable @Bounded String oneOnOneId,
            @PathVariable @Bounded String itemId) {
        rep(repId);
        OneOnOneView done = records.done(repId, oneOnOneId, itemId, clock.instant())
                .map(record -> OneOnOneView.of(record, caller()))
                .orElseThrow(() ->
                        new NotFoundException("No action item " + itemId + " in 1:1 " + oneOnOneId + " of " + repId));
        events.publishEvent(new ActionItemsChanged(repId));
        return done;
    }

    private static LocalDate day(String text, String field, List<FieldProblem> problems) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException | NullPointerException e) {
            problems.add(new FieldProblem(field, "must be a date, e.g. 2026-11-24"));
            return null;
        }
    }
}
