use futures::future;

pub async fn ready_value() -> u32 {
    future::ready(7).await
}
