package io.salespulse.activity.ingest.salesforce;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/** The CDC connector's channel to an in-process Pub/Sub server, and the connector itself (a test stops and starts it). */
public class CdcTestChannels implements CdcConnector.Channels {

    private final String server;

    @Autowired
    private ObjectProvider<CdcConnector> connector;

    public CdcTestChannels(String server) {
        this.server = server;
    }

    @Override
    public ManagedChannel open(CdcProperties config) {
        return InProcessChannelBuilder.forName(server).directExecutor().build();
    }

    /** The connector, as a lifecycle a test stops and starts. */
    public org.springframework.context.SmartLifecycle connector() {
        return connector.getObject();
    }
}
