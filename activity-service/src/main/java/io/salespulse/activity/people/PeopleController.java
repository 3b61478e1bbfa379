package io.salespulse.activity.people;

import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people who use SalesPulse besides the reps (managers, leadership, admins), by the id their sign-in gives them
 * (the token's subject), with the name the pages show for them: "acknowledged by Camille Durand", not by
 * {@code mgr-camille}. Admins name them; every reader reads them (a manager sees who acknowledged a signal).
 */
@RestController
class PeopleController {

    /** A person as stored and as the API shows it. */
    @Document("people")
    record Person(@Id String personId, String displayName, Instant changedAt) {}

    /** A person's name, as an admin gives it. */
    record PersonRequest(@NotBlank @Size(max = 200) String displayName) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    PeopleController(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Operation(summary = "Name a person (a manager, leadership, an admin) by the id its sign-in gives it (admin)")
    @PutMapping("/api/v1/people/{personId}")
    Person put(@PathVariable @Bounded String personId, @Valid @RequestBody PersonRequest request) {
        return mongo.save(new Person(personId, request.displayName().strip(), clock.instant()));
    }

    @Operation(summary = "The people named, in id order")
    @GetMapping("/api/v1/people")
    ResponseEntity<List<Person>> people(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return Paging.of(limit, cursor).byId(mongo, "people", null, Person.class, Person::personId, person -> person);
    }
}
