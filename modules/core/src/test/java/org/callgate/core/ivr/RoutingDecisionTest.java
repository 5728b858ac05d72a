package org.callgate.core.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import org.callgate.core.PhoneNumber;
import org.callgate.core.ServiceLine;
import org.callgate.core.ivr.IvrOutcome.Reason;
import org.junit.jupiter.api.Test;

class RoutingDecisionTest {

    private final ServiceLine privateLine =
            new ServiceLine("private", "Private customers", PhoneNumber.parse("02 278 50 44"), "sip:private@queue");

    @Test
    void optionOneOfThePrivateLineIsTheBankingServiceOnItsOwnQueue() {
        Route route = RoutingDecision.decide(
                privateLine, new IvrOutcome("sip:banking@queue", "banking", "fr", "1", Reason.CHOICE));

        assertThat(route).isEqualTo(new Route("sip:banking@queue", "banking", "fr", "1", Reason.CHOICE));
    }

    @Test
    void anOptionWithoutAServiceKeepsTheLinesService() {
        Route route = RoutingDecision.decide(
                privateLine, new IvrOutcome("sip:parcels@queue", null, "nl", "2", Reason.CHOICE));

        assertThat(route.service()).isEqualTo("private");
        assertThat(route.queueUri()).isEqualTo("sip:parcels@queue");
    }

    @Test
    void noInputGoesToTheLinesQueueAsTheLinesService() {
        Route route = RoutingDecision.decide(
                privateLine, new IvrOutcome("sip:private@queue", null, "nl", "", Reason.NO_INPUT));

        assertThat(route).isEqualTo(new Route("sip:private@queue", "private", "nl", "", Reason.NO_INPUT));
    }
}
