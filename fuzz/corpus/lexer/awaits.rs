// Sequential awaits and awaits in loops, and their look-alikes that are right as they are.
pub async fn independent(id: &str) -> Result<(), Error> {
    let user = get_user(id).await?; //~ sequential-awaits
    let orders = get_orders(id).await?;
    Ok(())
}

pub async fn dependent(id: &str) -> Result<(), Error> {
    let user = get_user(id).await?;
    let orders = get_orders(&user.id).await?;
    let items = get_items(&orders).await?;
    Ok(())
}

pub async fn through_format(id: &str) -> Result<(), Error> {
    let base = get_base(id).await?;
    let page = fetch(format!("{base}/page")).await?;
    Ok(())
}

pub async fn already_concurrent(id: &str) -> Result<(), Error> {
    let (user, orders) = tokio::try_join!(get_user(id), get_orders(id))?;
    let _ = write_audit(id).await?;
    let _ = write_log(id).await?;
    Ok(())
}

pub async fn locks(a: &Mutex<u32>, b: &Mutex<u32>) {
    let x = a.lock().await;
    let y = b.lock().await;
}

pub async fn handles(h1: JoinHandle<u32>, h2: JoinHandle<u32>) -> u32 {
    let a = h1.await.unwrap_or(0);
    let b = h2.await.unwrap_or(0);
    a + b
}

pub async fn one_connection(conn: &mut PgConnection) -> Result<(), Error> {
    let a = conn.fetch_user(1).await?;
    let b = conn.fetch_user(2).await?;
    Ok(())
}

pub async fn loops(records: Vec<Rec>, mut rx: Receiver<Rec>) -> Result<(), Error> {
    for rec in records { //~ await-in-loop
        process(rec).await?;
    }
    while let Some(rec) = rx.recv().await {
        println!("{rec:?}");
    }
    for attempt in 0..3 {
        if try_once().await.is_ok() {
            break;
        }
    }
    for rec in more {
        tokio::spawn(async move { process(rec).await });
    }
    for item in items {
        tx.send(item).await?;
    }
    for x in xs {
        if let Some(found) = lookup(x).await? {
            return Ok(found);
        }
    }
    for x in ys {
        // process(x).await in a comment
        let s = "process(x).await";
    }
    Ok(())
}

pub fn not_async(records: Vec<Rec>) {
    for rec in records {
        let f = async move { process(rec).await };
    }
}
